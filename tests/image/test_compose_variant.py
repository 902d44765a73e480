"""The compose variant the stack test runs: only the listed changes, each one reported."""

from __future__ import annotations

import argparse
from types import ModuleType

import pytest
from ruamel.yaml import YAML

PROD_LIKE = """
name: demo
x-env: &env
  SECRET: ${SECRET:?set SECRET}
  ORIGINS: ${ORIGINS:-}
services:
  edge:
    image: nginx:1.26.2-bookworm
    environment: {RESOLVER: 127.0.0.11}
    ports: ["80:80", "443:443"]
    networks: [public]
    depends_on: {web: {condition: service_healthy}}
  web:
    image: ${REGISTRY:?set REGISTRY}/app:${TAG:-latest}
    environment:
      <<: *env
    networks: [public, data]
    deploy: {replicas: 3}
  db:
    image: postgres:16
    volumes: [pgdata:/var/lib/postgresql/data]
    networks: [data]
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U \\"$$POSTGRES_USER\\""]
  search:
    image: elasticsearch:8
    profiles: [logging]
    networks: [logging]
    volumes: [esdata:/data]
networks: {public: {}, data: {}, logging: {}}
volumes: {pgdata: {}, esdata: {}}
"""


def variant(compose_variant: ModuleType, environ: dict[str, str], **options: object) -> tuple[dict, list[str]]:
    args = argparse.Namespace(keep="edge,web,db", publish=[], replicas=[], env=[])
    for key, value in options.items():
        setattr(args, key, value)
    document = YAML(typ="safe").load(PROD_LIKE)
    changes = compose_variant.make_variant(document, args, environ)
    return document, changes


ENV = {"SECRET": "s3cr$t", "REGISTRY": "localhost"}


def test_services_networks_and_volumes_not_under_test_are_left_out(compose_variant: ModuleType) -> None:
    document, changes = variant(compose_variant, ENV)
    assert list(document["services"]) == ["edge", "web", "db"]
    assert list(document["networks"]) == ["public", "data"]
    assert list(document["volumes"]) == ["pgdata"]
    assert "name" not in document
    assert any("search" in change for change in changes)


def test_variables_are_interpolated_as_compose_does_and_dollars_escaped(compose_variant: ModuleType) -> None:
    document, _ = variant(compose_variant, ENV)
    web = document["services"]["web"]
    assert web["image"] == "localhost/app:latest"
    assert web["environment"] == {"SECRET": "s3cr$$t", "ORIGINS": ""}
    # `$$` in the source is a literal `$` for Compose; it stays literal for podman-compose too.
    assert document["services"]["db"]["healthcheck"]["test"][1] == 'pg_isready -U "$$POSTGRES_USER"'


def test_a_missing_required_variable_is_named(compose_variant: ModuleType) -> None:
    with pytest.raises(compose_variant.VariantError, match="set REGISTRY"):
        variant(compose_variant, {"SECRET": "x"})


def test_ports_replicas_and_environment_are_replaced_and_reported(compose_variant: ModuleType) -> None:
    document, changes = variant(
        compose_variant,
        ENV,
        publish=["edge:80=18080", "edge:443=18443"],
        replicas=["web=2"],
        env=["edge:RESOLVER=10.89.0.1"],
    )
    edge = document["services"]["edge"]
    assert edge["ports"] == ["127.0.0.1:18080:80", "127.0.0.1:18443:443"]
    assert edge["environment"]["RESOLVER"] == "10.89.0.1"
    assert document["services"]["web"]["deploy"]["replicas"] == 2
    assert any("deploy.replicas 3 -> 2" in change for change in changes)
    assert any("127.0.0.11" in change and "10.89.0.1" in change for change in changes)


def test_keeping_a_service_without_its_dependency_is_refused(compose_variant: ModuleType) -> None:
    with pytest.raises(compose_variant.VariantError, match="depends on web"):
        variant(compose_variant, ENV, keep="edge,db")


def test_healthcheck_words_for_podman_exec(compose_variant: ModuleType, compose_healthcheck: ModuleType) -> None:
    document, _ = variant(compose_variant, ENV)
    assert compose_healthcheck.healthcheck_argv(document, "db") == ["sh", "-c", 'pg_isready -U "$POSTGRES_USER"']
    assert compose_healthcheck.healthcheck_argv(document, "web") is None
    exec_form = {"services": {"r": {"healthcheck": {"test": ["CMD", "redis-cli", "ping"]}}}}
    assert compose_healthcheck.healthcheck_argv(exec_form, "r") == ["redis-cli", "ping"]
