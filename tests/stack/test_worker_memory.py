"""A gunicorn worker that has grown past GUNICORN_WORKER_MAX_RSS_MB finishes its request and is replaced, so memory
one large analysis took is not kept by a worker for the rest of its life."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.stack.stack_support import DOCKERFILE, Stack, post_json, request, start_stack

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def small_workers(stack_settings: dict[str, str], static_root: Path, stack_base: Path) -> Iterator[Stack]:
    # Every worker is over 1 MB after any request: each is replaced after serving one.
    running = start_stack(
        stack_base / "small-workers",
        settings=stack_settings,
        static_root=static_root,
        extra={"GUNICORN_WORKER_MAX_RSS_MB": "1"},
    )
    yield running
    running.stop()


def test_a_worker_over_its_memory_limit_answers_then_is_replaced(small_workers: Stack) -> None:
    for _ in range(6):
        response = post_json(small_workers.port, "/api/v1/analyses", {"content": DOCKERFILE})
        assert response.status == 201, response.body[:300]
    assert request(small_workers.port, "GET", "/health").status == 200
    replaced = set(re.findall(r"worker (\d+) uses \d+ MB after a request; replacing it", small_workers.log()))
    assert len(replaced) >= 3, small_workers.log()[-3000:]


def test_workers_under_the_limit_are_kept(stack: Stack) -> None:
    for _ in range(3):
        assert post_json(stack.port, "/api/v1/analyses", {"content": DOCKERFILE}).status == 201
    assert "replacing it" not in stack.log()
