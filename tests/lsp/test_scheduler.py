"""The lint queue: debounced, one analysis per document at a time, stale results dropped, slow files isolated."""

from __future__ import annotations

import asyncio
import threading

import pytest

from dockwright.lsp.analysis import Analysis, Request
from dockwright.lsp.scheduler import LintQueue

pytestmark = pytest.mark.asyncio


class Editor:
    """Documents with versions, and an analysis that waits for a go-ahead when told to."""

    def __init__(self) -> None:
        self.versions: dict[str, int] = {}
        self.accepted: list[tuple[str, int | None]] = []
        self.started: list[tuple[str, int | None]] = []
        self.gates: dict[tuple[str, int], threading.Event] = {}
        self.queue = LintQueue(self.snapshot, self.is_current, self.accept, run=self.run)

    def snapshot(self, uri: str) -> Request | None:
        version = self.versions.get(uri)
        return None if version is None else Request(uri, version, "FROM scratch\n", "dockerfile", None)

    def is_current(self, analysis: Analysis) -> bool:
        return self.versions.get(analysis.uri) == analysis.version

    def accept(self, analysis: Analysis) -> None:
        self.accepted.append((analysis.uri, analysis.version))

    def run(self, request: Request) -> Analysis:
        self.started.append((request.uri, request.version))
        gate = self.gates.get((request.uri, request.version or 0))
        if gate is not None:
            assert gate.wait(10)
        return Analysis(request.uri, request.version, request.text, request.kind, [])

    async def until(self, condition: object, timeout: float = 5.0) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():  # type: ignore[operator]
            assert asyncio.get_running_loop().time() < deadline, "timed out"
            await asyncio.sleep(0.005)


async def test_a_result_for_a_version_the_editor_no_longer_has_is_dropped_and_the_new_text_analysed() -> None:
    editor = Editor()
    editor.versions["a"] = 1
    editor.gates[("a", 1)] = gate = threading.Event()
    editor.queue.schedule("a")
    await editor.until(lambda: editor.started == [("a", 1)])

    editor.versions["a"] = 2
    editor.queue.schedule("a")
    await asyncio.sleep(0.05)
    assert editor.started == [("a", 1)]  # one analysis per document at a time
    gate.set()

    await editor.until(lambda: editor.accepted)
    assert editor.accepted == [("a", 2)]
    assert editor.started == [("a", 1), ("a", 2)]


async def test_a_slow_document_does_not_hold_up_the_others() -> None:
    editor = Editor()
    editor.versions.update(slow=1, fast=1)
    editor.gates[("slow", 1)] = gate = threading.Event()
    editor.queue.schedule("slow")
    editor.queue.schedule("fast")

    await editor.until(lambda: editor.accepted == [("fast", 1)])
    gate.set()
    await editor.until(lambda: len(editor.accepted) == 2)


async def test_changes_within_the_pause_are_analysed_once() -> None:
    editor = Editor()
    for version in range(1, 6):
        editor.versions["a"] = version
        editor.queue.schedule("a", delay=0.05)
        await asyncio.sleep(0.005)

    await editor.until(lambda: editor.accepted)
    await asyncio.sleep(0.1)
    assert editor.started == [("a", 5)]


async def test_a_closed_document_is_not_analysed() -> None:
    editor = Editor()
    editor.versions["a"] = 1
    editor.queue.schedule("a", delay=0.02)
    editor.queue.forget("a")
    del editor.versions["a"]
    await asyncio.sleep(0.05)
    assert editor.started == []
