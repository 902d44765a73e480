"""The stand-in planner: tags come from the files, and a tag no stand-in can honestly match is refused."""

from __future__ import annotations

from types import ModuleType

import pytest

from dockwright.dockerfile.image import parse_image


def plan_line(standin_plan: ModuleType, name: str) -> str:
    return standin_plan.plan(parse_image(name)).line()


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("python:3.11-slim", "python:3.11-slim python bookworm 3.11 3.11"),
        ("python:3.11.11-slim-bookworm", "python:3.11.11-slim-bookworm python bookworm 3.11.11 3.11"),
        ("python:3.13-slim", "python:3.13-slim python trixie 3.13 3.13"),
        ("node:22.11.0-bookworm-slim", "node:22.11.0-bookworm-slim node bookworm 22.11.0 22"),
        ("node:24-trixie-slim", "node:24-trixie-slim node trixie 24 24"),
        ("postgres:15", "postgres:15 postgres bookworm 15 15"),
        ("postgres:17-trixie", "postgres:17-trixie postgres trixie 17 17"),
        ("postgres:16.6-bookworm", "postgres:16.6-bookworm postgres bookworm 16.6 15"),
        ("redis:7.4.1-bookworm", "redis:7.4.1-bookworm redis bookworm 7.4.1 7"),
        ("nginx:1.26.2-bookworm", "nginx:1.26.2-bookworm nginx bookworm 1.26.2 1.22"),
        ("debian:bookworm-slim", "debian:bookworm-slim debian bookworm 12 12"),
    ],
)
def test_plan_picks_the_debian_release(standin_plan: ModuleType, name: str, line: str) -> None:
    assert plan_line(standin_plan, name) == line


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("python:3.12-slim", "no Debian release ships Python 3.12"),
        ("python:3-slim", "no Debian release ships Python 3"),
        ("python:3.13-slim-bookworm", "Debian bookworm does not ship Python 3.13"),
        ("python:3.11-slim@sha256:" + "a" * 64, "digest pin"),
        ("docker.io/library/python:3.11-slim", "write the short name"),
        ("ghcr.io/acme/tool:1", "only Docker Hub official images"),
        ("prom/prometheus:v2.55.1", "no stand-in recipe"),
        ("node:lts-slim", "names no Node major version"),
    ],
)
def test_plan_refuses_what_it_cannot_make_honestly(standin_plan: ModuleType, name: str, reason: str) -> None:
    with pytest.raises(standin_plan.PlanError, match=reason):
        standin_plan.plan(parse_image(name))


def test_dockerfile_images_resolve_arg_defaults_and_skip_stage_references(standin_plan: ModuleType) -> None:
    text = (
        "ARG PY=3.11\nARG NODE=node:22-slim\n"
        "FROM ${NODE} AS spa\nFROM python:${PY}-slim AS base\nFROM base AS dev\nFROM base\nFROM scratch\n"
    )
    assert [image.raw for image in standin_plan.dockerfile_images(text)] == ["node:22-slim", "python:3.11-slim"]


def test_dockerfile_images_refuse_an_unresolved_variable(standin_plan: ModuleType) -> None:
    with pytest.raises(standin_plan.PlanError, match="give the ARG a default"):
        standin_plan.dockerfile_images("ARG PY\nFROM python:${PY}-slim\n")


def test_compose_images_interpolate_and_skip_built_and_own_images(standin_plan: ModuleType) -> None:
    text = (
        "services:\n  web: {build: .}\n  app: {image: '${REGISTRY}/dockwright:${TAG}'}\n"
        "  db: {image: 'postgres:${PG:-16}-bookworm'}\n  cache: {image: redis:7}\n"
    )
    env = {"REGISTRY": "localhost", "TAG": "t"}
    images = standin_plan.compose_images(text, ["web", "app", "db"], env, {"localhost/dockwright:t"})
    assert [image.raw for image in images] == ["postgres:16-bookworm"]


def test_compose_images_name_the_missing_variable(standin_plan: ModuleType) -> None:
    text = "services:\n  app: {image: '${REGISTRY:?set it}/x:1'}\n"
    with pytest.raises(standin_plan.PlanError, match="service 'app'"):
        standin_plan.compose_images(text, [], {}, set())
