"""The dclint differential (backend/bench/dclint_diff.py) runs on dclint's own rule tests, when a snapshot of its
repository is at hand, and finds every message expected in tests without rule options."""

from __future__ import annotations

import re

import pytest
from bench.dclint_diff import MARKER, REPOSITORY, main
from bench.peer_specs import find_snapshot


@pytest.mark.skipif(find_snapshot(REPOSITORY, None, MARKER) is None, reason="no snapshot of dclint's repository")
def test_every_message_dclint_expects_without_options_is_found(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 0
    out = capsys.readouterr().out
    plain = re.search(r"in tests without rule options (\d+)/(\d+)", out)
    fixes = re.search(r"fix outputs matching dclint's: (\d+)/(\d+) without rule options", out)
    assert plain is not None and plain.group(1) == plain.group(2)
    assert fixes is not None and fixes.group(1) == fixes.group(2)
