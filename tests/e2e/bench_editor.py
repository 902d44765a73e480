"""Benchmark of the editor page on a large file, in Debian's Chromium against the real server.

Not a test (pytest collects test_*.py only): timings depend on the machine, so it prints figures instead of
asserting them. It needs the built SPA (``npm run build``) and /usr/bin/chromium. Run from the repository:

    .venv/bin/python -m tests.e2e.bench_editor [--rounds 3] [--keys 40]

On a ~200 KB Dockerfile with thousands of findings (the engine lists at most 2,000), it measures with the
Performance API in the page:

- paste → findings shown: from the paste event to the frame after the findings panel shows the count;
- keystroke → next frame: from each keydown's timestamp to the end of the frame painted after it (a
  requestAnimationFrame callback, then a task after that frame), while findings are shown;
- pause → findings: from the last keystroke of a burst to the frame after the findings of the new text are
  shown, split into the typing debounce, the server's answer and the page's work after the answer.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from playwright.sync_api import Page, sync_playwright

from tests.e2e.e2e_support import CHROMIUM, CHROMIUM_ARGS, SPA_INDEX, open_editor, paste_into_editor, running_server

# Lines that each trip several rules (casing, apt-get, cd, wget, relative WORKDIR, port range, secrets...).
BLOCK = """run apt-get install curl wget
RUN cd /tmp && wget http://example.com/x.tar.gz
ADD http://example.com/app.tar.gz /opt/
WORKDIR app
RUN sudo pip install requests
EXPOSE 80000
RUN apk add nginx
RUN npm install express
ENV PASSWORD=hunter2
RUN curl http://x.sh | sh
copy . .
RUN echo $HOME && ls *.txt
RUN yum install httpd
USER root
maintainer me
"""
TARGET_BYTES = 200_000

# Installed before anything else runs in the page: collects keystroke-to-frame times and a clock the
# benchmark reads. A task queued after a requestAnimationFrame callback runs once that frame is produced.
INSTRUMENT = """
window.__bench = { keys: [], lastKey: 0 }
addEventListener('keydown', (event) => {
  const start = event.timeStamp
  window.__bench.lastKey = start
  requestAnimationFrame(() => setTimeout(() => window.__bench.keys.push(performance.now() - start)))
}, true)
window.__benchAfterFrame = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))))
"""

# Resolves once the findings panel shows the analysis of the current text (no "Analysing…", a count shown,
# the request for it answered), then one more frame: the time the person sees the findings.
WAIT_FOR_FINDINGS = """(previousRequests) => new Promise((resolve) => {
  const status = document.querySelector('.findings__status')
  const done = () => {
    const requests = performance.getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('/api/v1/lint') && entry.initiatorType === 'fetch')
    return requests.length > previousRequests && !status.querySelector('.findings__pending')
      && status.querySelector('.findings__count')
  }
  const finish = () => window.__benchAfterFrame().then((shown) => {
    const request = performance.getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('/api/v1/lint') && entry.initiatorType === 'fetch').at(-1)
    resolve({
      shown,
      requestStart: request.startTime,
      responseEnd: request.responseEnd,
      count: status.textContent,
      drawnRows: document.querySelectorAll('.finding').length,
    })
  })
  if (done()) return finish()
  const observer = new MutationObserver(() => {
    if (!done()) return
    observer.disconnect()
    finish()
  })
  observer.observe(status, { childList: true, subtree: true, characterData: true })
})"""

ANALYSIS_REQUESTS = """performance.getEntriesByType('resource')
  .filter((entry) => entry.name.endsWith('/api/v1/lint') && entry.initiatorType === 'fetch').length"""


def large_dockerfile() -> str:
    text = "FROM python:latest\n"
    while len(text.encode()) < TARGET_BYTES:
        text += BLOCK
    return text


def _ms(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    median = statistics.median(ordered)
    return f"median {median:6.1f} ms   p95 {p95:6.1f} ms   max {ordered[-1]:6.1f} ms   (n={len(ordered)})"


def measure_paste(page: Page, content: str) -> dict[str, Any]:
    open_editor(page)
    requests = page.evaluate(ANALYSIS_REQUESTS)
    start = page.evaluate("performance.now()")
    paste_into_editor(page, content)
    result: dict[str, Any] = page.evaluate(WAIT_FOR_FINDINGS, requests)
    result["total"] = result["shown"] - start
    return result


def measure_edit(page: Page, keys: int) -> tuple[list[float], dict[str, Any]]:
    """Types a burst at the end of the text with findings shown, then waits for the findings of the edit."""
    page.keyboard.press("Control+End")
    page.evaluate("window.__benchAfterFrame().then(() => { window.__bench.keys = [] })")
    requests = page.evaluate(ANALYSIS_REQUESTS)
    page.keyboard.type("\n" + "RUN echo benchmark".ljust(keys - 1, "x")[: keys - 1], delay=60)
    result: dict[str, Any] = page.evaluate(WAIT_FOR_FINDINGS, requests)
    key_times: list[float] = page.evaluate("window.__bench.keys")
    last_key = page.evaluate("window.__bench.lastKey")
    result["pause_to_request"] = result["requestStart"] - last_key
    result["server"] = result["responseEnd"] - result["requestStart"]
    result["answer_to_shown"] = result["shown"] - result["responseEnd"]
    result["pause_to_shown"] = result["shown"] - last_key
    return key_times, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="bursts of typing to measure (default 3)")
    parser.add_argument("--keys", type=int, default=40, help="keys per burst (default 40)")
    parser.add_argument("--spa-dir", type=Path, help="another build of the SPA to measure (default frontend/dist)")
    args = parser.parse_args()
    spa_index = args.spa_dir / "index.html" if args.spa_dir else SPA_INDEX
    if not spa_index.is_file() or not CHROMIUM.is_file():
        print(f"needs {spa_index} (npm run build) and {CHROMIUM}", file=sys.stderr)
        return 2

    content = large_dockerfile()
    with (
        tempfile.TemporaryDirectory() as data_dir,
        running_server(Path(data_dir), args.spa_dir) as url,
        sync_playwright() as pw,
    ):
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=url, viewport={"width": 1280, "height": 860})
        context.add_init_script(INSTRUMENT)
        context.set_default_timeout(120_000)
        page = context.new_page()

        print(f"File: {len(content.encode()):,} bytes, {content.count(chr(10)):,} lines")
        pasted = measure_paste(page, content)
        print(f"Findings: {pasted['count']} ({pasted['drawnRows']} rows drawn in the panel)")
        print(
            f"Paste → findings shown: {pasted['total']:.0f} ms "
            f"(server {pasted['responseEnd'] - pasted['requestStart']:.0f} ms, "
            f"page after the answer {pasted['shown'] - pasted['responseEnd']:.0f} ms)"
        )

        all_keys: list[float] = []
        edits: list[dict[str, Any]] = []
        for _ in range(args.rounds):
            key_times, edit = measure_edit(page, args.keys)
            all_keys.extend(key_times)
            edits.append(edit)
        print(f"Keystroke → next frame, findings shown:  {_ms(all_keys)}")
        print(f"Pause → findings of the edit shown:      {_ms([e['pause_to_shown'] for e in edits])}")
        print(f"  typing pause before the request:       {_ms([e['pause_to_request'] for e in edits])}")
        print(f"  server answer:                         {_ms([e['server'] for e in edits])}")
        print(f"  page after the answer (list, marks):   {_ms([e['answer_to_shown'] for e in edits])}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
