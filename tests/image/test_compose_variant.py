"""The compose variant the stack test runs: only the listed changes, each one reported."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
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
    args = argparse.Namespace(keep="edge,web,db", publish=[], replicas=[], env=[], drop_depends=[])
    for key, value in options.items():
        setattr(args, key, value)
    document = YAML(typ="safe", pure=True).load(PROD_LIKE)
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


def test_a_dependency_the_test_orders_itself_can_be_dropped(compose_variant: ModuleType) -> None:
    document, changes = variant(compose_variant, ENV, drop_depends=["edge:web"])
    assert document["services"]["edge"]["depends_on"] == {}
    assert any("depends_on web dropped" in change for change in changes)
    with pytest.raises(compose_variant.VariantError, match="does not depend on db"):
        variant(compose_variant, ENV, drop_depends=["edge:db"])


def test_keeping_a_service_without_its_dependency_is_refused(compose_variant: ModuleType) -> None:
    with pytest.raises(compose_variant.VariantError, match="depends on web"):
        variant(compose_variant, ENV, keep="edge,db")


def test_podman_compose_workarounds_are_applied_and_reported(compose_variant: ModuleType) -> None:
    document = YAML(typ="safe", pure=True).load(PROD_LIKE)
    document["services"]["web"]["healthcheck"] = {"test": ["CMD", "python", "-c", "print(1)"]}
    document["services"]["db"]["logging"] = {"driver": "json-file", "options": {"tag": "{{.Name}}", "max-size": "1m"}}
    args = argparse.Namespace(keep="edge,web,db", publish=[], replicas=["web=2"], env=[], drop_depends=[])
    changes = compose_variant.make_variant(document, args, ENV)
    assert document["services"]["web"]["healthcheck"]["test"] == "python -c 'print(1)'"
    assert document["services"]["db"]["logging"]["options"] == {"max-size": "1m"}
    assert any("healthcheck CMD list" in change for change in changes)
    assert any("logging.options.tag dropped" in change for change in changes)


def test_the_variant_is_written_as_json_so_yes_stays_a_string(compose_variant: ModuleType, tmp_path: Path) -> None:
    source = tmp_path / "compose.yml"
    source.write_text('services:\n  redis:\n    image: redis:7\n    command: [redis-server, --appendonly, "yes"]\n')
    output = tmp_path / "variant.yml"
    assert compose_variant.main([str(source), str(output), "--keep", "redis"]) == 0
    assert json.loads(output.read_text())["services"]["redis"]["command"] == ["redis-server", "--appendonly", "yes"]


def test_healthcheck_words_for_podman_exec(compose_healthcheck: ModuleType) -> None:
    document = YAML(typ="safe", pure=True).load(PROD_LIKE)
    words = compose_healthcheck.healthcheck_argv(document, "db", {})
    assert words == ["sh", "-c", 'pg_isready -U "$POSTGRES_USER"']
    assert compose_healthcheck.healthcheck_argv(document, "web", {}) is None
    exec_form = {"services": {"r": {"healthcheck": {"test": ["CMD", "redis-cli", "-a", "${PW}", "ping"]}}}}
    assert compose_healthcheck.healthcheck_argv(exec_form, "r", {"PW": "x"}) == ["redis-cli", "-a", "x", "ping"]
