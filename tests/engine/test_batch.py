"""Linting a batch gives exactly the findings of linting each file alone, with fewer ShellCheck processes."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from dockwright.budget import Limits
from dockwright.cli import batch as batch_module
from dockwright.cli.batch import BatchFile, lint_batch
from dockwright.config import LintConfig
from dockwright.lint import lint
from dockwright.shellcheck import runner as shellcheck

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures/dockerfiles/realistic").iterdir())[:24]
CONFIG = LintConfig.from_dict({"today": "2026-11-28"})


@pytest.mark.parametrize("processes", [1, 2])
def test_batch_findings_equal_single_file_findings(processes: int) -> None:
    batch = [BatchFile(str(path), path.read_text()) for path in FIXTURES]
    shellcheck.clear_cache()
    results = lint_batch(batch, CONFIG, processes=processes)
    for item in results:
        alone = lint(item.content, filename=item.path, config=CONFIG)
        assert item.findings == alone.findings, item.path
    assert any(f.rule == "DF100" for item in results for f in item.findings)


def test_batch_starts_at_most_one_shellcheck_process_per_core() -> None:
    shellcheck.clear_cache()
    before = shellcheck.process_count
    lint_batch([BatchFile(str(path), path.read_text()) for path in FIXTURES], CONFIG, processes=1)
    assert 1 <= shellcheck.process_count - before <= (os.cpu_count() or 1)


@pytest.mark.parametrize("processes", [1, 2])
def test_bad_content_in_a_batch_is_reported_per_file(processes: int) -> None:
    batch = [BatchFile("a", "FROM python:3.13\n"), BatchFile("b", "\x00\x01"), BatchFile("c", "FROM node\n")]
    results = lint_batch(batch, CONFIG, processes=processes)
    assert results[0].error is None
    assert results[1].error is not None and "NUL" in str(results[1].error)


@pytest.mark.parametrize("step", ["_parsed", "_run_rules", "_run_shellcheck_rule"])
def test_a_failed_worker_process_is_made_up_for_in_the_calling_process(
    monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    parent = os.getpid()
    real = getattr(batch_module, step)

    def crash_in_child(*args: Any) -> Any:
        if os.getpid() != parent:
            raise RuntimeError("a worker died")
        return real(*args)

    monkeypatch.setattr(batch_module, step, crash_in_child)
    shellcheck.clear_cache()
    results = lint_batch([BatchFile(str(path), path.read_text()) for path in FIXTURES], CONFIG, processes=2)
    for item in results:
        assert item.findings == lint(item.content, filename=item.path, config=CONFIG).findings, item.path


def test_every_distinct_script_of_a_batch_goes_to_shellcheck_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    parent = os.getpid()
    checked: list[str] = []
    real_init = shellcheck._Run.__init__

    def recording_init(self: Any, requests: list[shellcheck.ScriptRequest], limits: Limits, rc: str = "") -> None:
        if os.getpid() != parent:  # a worker started ShellCheck itself: leave a mark the test can see
            (tmp_path / f"worker-{os.getpid()}").write_text("started ShellCheck")
        checked.extend(request.key for request in requests)
        real_init(self, requests, limits, rc)

    monkeypatch.setattr(shellcheck._Run, "__init__", recording_init)
    shellcheck.clear_cache()
    batch = [BatchFile(str(path), path.read_text()) for path in FIXTURES]
    lint_batch(batch, CONFIG, processes=3)
    distinct = {request.key for item in batch for request in _requests_of(item)}
    assert sorted(checked) == sorted(distinct)
    assert list(tmp_path.iterdir()) == []


def _requests_of(item: BatchFile) -> list[shellcheck.ScriptRequest]:
    from dockwright.dockerfile.parser import parse_dockerfile
    from dockwright.dockerfile.shell_jobs import shellcheck_jobs

    return [request for _, request in shellcheck_jobs(parse_dockerfile(item.content))]


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_chunks_are_contiguous_and_of_similar_size(count: int) -> None:
    from dockwright.cli.batch import _chunks

    items = [BatchFile(str(path), path.read_text()) for path in FIXTURES]
    chunks = _chunks(items, count)
    assert [item for chunk in chunks for item in chunk] == items
    assert len(chunks) == count
    sizes = [sum(len(item.content) for item in chunk) for chunk in chunks]
    largest_file = max(len(item.content) for item in items)
    assert max(sizes) - min(sizes) <= 2 * largest_file
