"""Fixtures of the stack tests: a fresh Postgres database, a Redis database, collected static files and a
running start.sh, all real. Outside CI a missing service or tool skips these tests; in CI it fails them."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg2
import pytest
import redis
from psycopg2 import sql

from tests.stack.edge_support import Edge, running_edge_for
from tests.stack.stack_support import (
    ADMIN_URL,
    Stack,
    collect_static,
    production_settings,
    require,
    stack_dir,
    start_stack,
)

pytestmark = pytest.mark.stack

REDIS_URL = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/14")


def _admin_connection() -> psycopg2.extensions.connection:
    try:
        connection = psycopg2.connect(ADMIN_URL, connect_timeout=5)
    except psycopg2.OperationalError as error:
        require(False, f"Postgres is not reachable at {ADMIN_URL} ({str(error).strip()})")
    connection.autocommit = True
    return connection


def database_url_for(name: str) -> str:
    return ADMIN_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def make_database() -> Iterator[Callable[[], str]]:
    """Creates empty databases named dockwright_stack_<random>; drops them all at the end of the session."""
    created: list[str] = []
    connection = None

    def make() -> str:
        nonlocal connection
        connection = connection or _admin_connection()
        name = f"dockwright_stack_{uuid.uuid4().hex[:12]}"
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        created.append(name)
        return database_url_for(name)

    yield make
    if connection is not None:
        with connection.cursor() as cursor:
            for name in created:
                cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.close()


@pytest.fixture(scope="session")
def stack_database(make_database: Callable[[], str]) -> str:
    return make_database()


@pytest.fixture(scope="session")
def stack_redis() -> str:
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        require(False, f"Redis is not reachable at {REDIS_URL} ({error})")
    return REDIS_URL


@pytest.fixture(scope="session")
def stack_base() -> Iterator[Path]:
    base = stack_dir()
    yield base
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def stack_settings(stack_database: str, stack_redis: str, stack_base: Path) -> dict[str, str]:
    return production_settings(database_url=stack_database, redis_url=stack_redis, data_dir=stack_base / "data")


@pytest.fixture(scope="session")
def static_root(stack_settings: dict[str, str], stack_base: Path) -> Path:
    """collectstatic once, with production storage (hashed names + .gz files), as the image build does."""
    target = stack_base / "static"
    collect_static(target, stack_settings)
    return target


@pytest.fixture(scope="session")
def stack(stack_settings: dict[str, str], static_root: Path, stack_base: Path) -> Iterator[Stack]:
    running = start_stack(stack_base / "main", settings=stack_settings, static_root=static_root)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def running_edge(stack: Stack) -> Iterator[Edge]:
    """nginx/edge.conf with a self-signed certificate on free ports, in front of the running stack."""
    with running_edge_for(stack.port) as edge:
        yield edge
