"""The dclint differential (backend/bench/dclint_diff.py) runs on dclint's own rule tests, when a snapshot of its
repository is at hand, and finds every message dclint's tests expect, those that give the rule options included,
and gives the file every fix test expects."""

from __future__ import annotations

import re

import pytest
from bench.dclint_diff import MARKER, REPOSITORY, main
from bench.peer_specs import find_snapshot


@pytest.mark.skipif(find_snapshot(REPOSITORY, None, MARKER) is None, reason="no snapshot of dclint's repository")
def test_every_message_and_fix_dclint_expects_is_found(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    found = re.search(r"expected messages found: (\d+)/(\d+)", out)
    fixes = re.search(r"fix outputs matching dclint's: (\d+)/(\d+);", out)
    with_options = re.search(r"with (\d+)/(\d+) \(compared", out)
    assert found is not None and found.group(1) == found.group(2)
    assert fixes is not None and fixes.group(1) == fixes.group(2)
    assert with_options is not None and int(with_options.group(2)) > 0
