"""When documents are analysed: debounced while typing, one analysis per document at a time, off the event loop.

Analyses run in a small pool of worker threads, so the event loop keeps answering (hovers, other documents'
diagnostics) while one runs, and a pathological document holds at most one worker, for no longer than the
engine's budget allows. A document changed while its analysis ran is analysed again; an analysis whose
version is no longer the document's is dropped, never published, so an editor never shows diagnostics of
text it no longer has.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from dockwright.lsp.analysis import Analysis, Request, analyse

logger = logging.getLogger(__name__)
WORKERS = 3


class LintQueue:
    """Schedules analyses. ``snapshot(uri)`` gives the request for a document's current state (None once it
    is closed or not linted), ``is_current(analysis)`` says whether the document is still at the analysed
    version, and ``accept(analysis)`` publishes it; all three are called on the event loop."""

    def __init__(
        self,
        snapshot: Callable[[str], Request | None],
        is_current: Callable[[Analysis], bool],
        accept: Callable[[Analysis], None],
        workers: int = WORKERS,
        run: Callable[[Request], Analysis] = analyse,
    ) -> None:
        self._snapshot = snapshot
        self._run = run
        self._is_current = is_current
        self._accept = accept
        self.executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dockwright-lint")
        self._timers: dict[str, asyncio.TimerHandle] = {}
        self._running: set[str] = set()
        self._again: set[str] = set()

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Analyse ``uri`` once ``delay`` seconds pass without another schedule for it."""
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self._timers[uri] = asyncio.get_running_loop().call_later(delay, self._start, uri)

    def forget(self, uri: str) -> None:
        timer = self._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self._again.discard(uri)

    def shutdown(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self.executor.shutdown(wait=False, cancel_futures=True)

    def _start(self, uri: str) -> None:
        self._timers.pop(uri, None)
        if uri in self._running:
            self._again.add(uri)  # analysed again with the newest text once the running analysis ends
            return
        request = self._snapshot(uri)
        if request is None:
            return
        self._running.add(uri)
        loop = asyncio.get_running_loop()
        future: Future[Analysis] = self.executor.submit(self._run, request)
        future.add_done_callback(lambda done: _deliver(loop, self._finished, uri, done))

    def _finished(self, uri: str, future: Future[Analysis]) -> None:
        self._running.discard(uri)
        if not future.cancelled():
            error = future.exception()
            if error is not None:
                logger.error("analysis of %s failed: %s", uri, error)
            elif self._is_current(future.result()):
                self._accept(future.result())
        if uri in self._again:
            self._again.discard(uri)
            self._start(uri)


def _deliver(
    loop: asyncio.AbstractEventLoop, finished: Callable[[str, Future[Analysis]], None], uri: str, done: Future[Analysis]
) -> None:
    """Hand a finished analysis to the event loop (from the worker thread); after shutdown there is none."""
    with contextlib.suppress(RuntimeError):
        loop.call_soon_threadsafe(finished, uri, done)
