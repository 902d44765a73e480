"""Language server latency: from an edit of a 50-line Dockerfile to its diagnostics, as an editor sees it.

A script, not a test: prints the figures. It starts `dockwright lsp` as an editor does (a process speaking LSP
over stdio) and times each `didChange` until the `publishDiagnostics` of that version arrives. Targets: 30 ms
with ShellCheck's results cached (an edit outside the RUN scripts), 150 ms uncached (an edit that adds a new
script, so ShellCheck runs). Both are measured with the pause the server waits for typing to stop set to
0 ms; the last line adds the default pause (150 ms), which is what a user waits after their last keystroke.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.sample import MULTI_STAGE_DOCKERFILE

URI = "file:///bench/Dockerfile"
TARGETS_MS = {"cached": 30.0, "uncached": 150.0}


class Session:
    """One server process and the time each version's diagnostics arrived."""

    def __init__(self, command: list[str]) -> None:
        self.command = command
        self.client = LanguageClient("dockwright-lsp-bench", "1")
        self.arrived: dict[int, asyncio.Future[float]] = {}
        self.codes: dict[int, set[str]] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            future = self.arrived.get(params.version or 0)
            self.codes[params.version or 0] = {str(d.code) for d in params.diagnostics}
            if future is not None and not future.done():
                future.set_result(time.perf_counter())

    async def start(self, debounce_ms: int | None) -> None:
        await self.client.start_io(*self.command)
        options = {} if debounce_ms is None else {"debounceMs": debounce_ms}
        await self.client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), initialization_options=options)
        )
        self.client.initialized(types.InitializedParams())

    async def open(self, text: str) -> None:
        waiting = self._expect(1)
        item = types.TextDocumentItem(uri=URI, language_id="dockerfile", version=1, text=text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        await asyncio.wait_for(waiting, 60)

    async def change(self, version: int, text: str) -> float:
        """Seconds from sending the change to receiving its diagnostics."""
        waiting = self._expect(version)
        sent = time.perf_counter()
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=URI, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return await asyncio.wait_for(waiting, 60) - sent

    def _expect(self, version: int) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.arrived[version] = future
        return future

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


async def measure(
    command: list[str], rounds: int, debounce_ms: int | None, edit: Callable[[int], str], expected: str
) -> list[float]:
    """Timings of ``rounds`` edits; each edit's diagnostics must hold the code ``expected``."""
    session = Session(command)
    await session.start(debounce_ms)
    try:
        await session.open(edit(0))
        for warmup in range(2, 5):  # imports, rule registry, parsers, the first ShellCheck run
            await session.change(warmup, edit(-warmup))
        timings = [await session.change(version, edit(version)) for version in range(10, 10 + rounds)]
        missing = [v for v in range(10, 10 + rounds) if expected not in session.codes.get(v, set())]
        if missing:
            raise SystemExit(f"the diagnostics of versions {missing} lack {expected}: the edit did not do its job")
        return timings
    finally:
        await session.stop()


def cached(round_number: int) -> str:
    """An edit outside the RUN scripts: every script's ShellCheck result (SC2164 for the last one) is in the
    server's cache."""
    return MULTI_STAGE_DOCKERFILE + f"RUN cd /tmp/cached; ls\n# edit {round_number}\n"


def uncached(round_number: int) -> str:
    """An edit that adds a script ShellCheck has not seen: it runs once for it (and reports SC2164 there)."""
    return MULTI_STAGE_DOCKERFILE + f"RUN cd /tmp/r{round_number}; ls\n"


def report(label: str, timings: list[float], target_ms: float | None = None) -> bool:
    ordered = sorted(t * 1000 for t in timings)
    p50 = statistics.median(ordered)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    verdict = ""
    met = True
    if target_ms is not None:
        met = p50 <= target_ms
        verdict = f"   target {target_ms:.0f} ms: {'met' if met else 'MISSED'}"
    print(f"{label:<52} p50 {p50:7.1f} ms   p90 {p90:7.1f} ms   max {ordered[-1]:7.1f} ms{verdict}")
    return met


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--server", default=str(Path(sys.executable).parent / "dockwright"), help="dockwright command")
    args = parser.parse_args()
    command = [args.server, "lsp"]
    lines = MULTI_STAGE_DOCKERFILE.count("\n")
    print(f"dockwright lsp: {lines}-line multi-stage Dockerfile, {args.rounds} edits each, edit to diagnostics")
    # Every edit's diagnostics must show ShellCheck's SC2164 for the last RUN: from the cache, or from a run.
    runs = [
        ("ShellCheck cached (edit outside RUN), no pause", 0, cached, TARGETS_MS["cached"]),
        ("ShellCheck uncached (new RUN script), no pause", 0, uncached, TARGETS_MS["uncached"]),
        ("ShellCheck cached, default 150 ms pause", None, cached, None),
    ]
    met = True
    for label, debounce_ms, edit, target in runs:
        met &= report(label, await measure(command, args.rounds, debounce_ms, edit, "SC2164"), target)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
