"""A file's inventory: the images it starts from, what runs as root, the database ports it publishes, read from the
parsed model as the rules read it."""

from __future__ import annotations

from dockwright.inventory import MAX_ITEMS, DatabasePort, ImageUse, RootUse, file_inventory
from dockwright.lint import lint


def inventory_of(content: str, filename: str, files: dict[str, str] | None = None) -> dict:
    result = lint(content, filename=filename, files=files or {})
    return file_inventory(result.document, files).as_json()


def test_a_dockerfile_lists_each_external_base_image_with_its_stage_and_line() -> None:
    content = (
        "ARG PY=3.12\n"
        "FROM python:${PY}-slim AS build\n"
        "RUN pip wheel .\n"
        "FROM build AS test\n"
        "FROM ghcr.io/astral-sh/uv:0.5@sha256:" + "a" * 64 + "\n"
        "FROM scratch\n"
        "COPY --from=build /x /x\n"
    )

    facts = inventory_of(content, "Dockerfile")

    digest = "sha256:" + "a" * 64
    assert [ImageUse(**item) for item in facts["images"]] == [
        ImageUse("python:3.12-slim", "python", "3.12-slim", "", 2, "build"),
        ImageUse(f"ghcr.io/astral-sh/uv:0.5@{digest}", "ghcr.io/astral-sh/uv", "0.5", digest, 5, "2"),
    ]


def test_an_image_from_a_variable_without_a_value_is_left_out() -> None:
    assert inventory_of("ARG BASE\nFROM ${BASE}\n", "Dockerfile")["images"] == []


def test_a_final_stage_that_sets_user_root_runs_as_root_by_its_user() -> None:
    facts = inventory_of("FROM python:3.12-slim AS app\nUSER app\nUSER 0:0\n", "Dockerfile")

    assert [RootUse(**item) for item in facts["root"]] == [RootUse("app", 3, "0:0", "user", "python:3.12-slim")]


def test_a_final_stage_without_user_runs_as_its_base_images_default() -> None:
    assert inventory_of("FROM python:3.12-slim\nCMD python\n", "Dockerfile")["root"] == [
        {"where": "0", "line": 1, "user": "root", "reason": "image", "image": "python:3.12-slim"}
    ]


def test_a_final_stage_with_an_unprivileged_user_or_an_unknown_base_is_not_listed() -> None:
    assert inventory_of("FROM python:3.12-slim\nUSER app\n", "Dockerfile")["root"] == []
    assert inventory_of("FROM example.com/own/base:1\nCMD run\n", "Dockerfile")["root"] == []
    # Only the final stage ships: a builder running as root does not.
    assert (
        inventory_of("FROM python:3.12 AS build\nUSER root\nFROM python:3.12-slim\nUSER app\n", "Dockerfile")["root"]
        == []
    )


COMPOSE = """\
services:
  db:
    image: postgres:${PG_TAG}
    ports:
      - "5432:5432"
  cache:
    image: redis:7.2-alpine
    ports:
      - "127.0.0.1:6379:6379"
  web:
    image: nginx:1.27
    user: "0"
    ports:
      - "80:80"
  api:
    build: ./api
    image: example/api:latest
"""


def test_a_compose_file_lists_images_with_tags_interpolated_from_its_env_file() -> None:
    facts = inventory_of(COMPOSE, "compose.yaml", {".env": "PG_TAG=16\n"})

    assert [(item["where"], item["name"], item["tag"], item["line"]) for item in facts["images"]] == [
        ("db", "postgres", "16", 3),
        ("cache", "redis", "7.2-alpine", 7),
        ("web", "nginx", "1.27", 11),
        ("api", "example/api", "latest", 17),
    ]


def test_a_compose_image_whose_tag_has_no_value_is_left_out() -> None:
    assert "db" not in {item["where"] for item in inventory_of(COMPOSE, "compose.yaml")["images"]}


def test_compose_services_run_as_root_by_their_user_or_by_their_images_server_user() -> None:
    facts = inventory_of(COMPOSE, "compose.yaml", {".env": "PG_TAG=16\n"})

    # postgres and redis step down to their own user before serving; nginx is set to uid 0 here; the built
    # service's user is its Dockerfile's business.
    assert [RootUse(**item) for item in facts["root"]] == [RootUse("web", 12, "0", "user", "nginx:1.27")]


def test_a_service_whose_image_serves_as_root_is_listed_with_the_image_as_reason() -> None:
    facts = inventory_of("services:\n  app:\n    image: python:3.12-slim\n", "compose.yaml")

    assert facts["root"] == [
        {"where": "app", "line": 2, "user": "root", "reason": "image", "image": "python:3.12-slim"}
    ]


def test_published_database_ports_are_listed_with_their_interface() -> None:
    facts = inventory_of(COMPOSE, "compose.yaml", {".env": "PG_TAG=16\n"})

    assert [DatabasePort(**item) for item in facts["database_ports"]] == [
        DatabasePort("db", 5, "PostgreSQL", "", "5432", "5432", "tcp", True, "postgres:16"),
        DatabasePort("cache", 9, "Redis", "127.0.0.1", "6379", "6379", "tcp", False, "redis:7.2-alpine"),
    ]


def test_yaml_that_is_not_compose_has_no_inventory() -> None:
    facts = inventory_of("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n", "compose.yaml")

    assert (facts["images"], facts["root"], facts["database_ports"]) == ([], [], [])


def test_a_file_with_more_entries_than_the_limit_keeps_the_first_and_counts_the_rest() -> None:
    services = "".join(f"  s{n}:\n    image: redis:7.2\n" for n in range(MAX_ITEMS + 5))

    facts = inventory_of("services:\n" + services, "compose.yaml")

    assert len(facts["images"]) == MAX_ITEMS
    assert facts["omitted"] == 5
