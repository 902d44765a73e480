"""The reviewer score (backend/bench/reviewer_score.py) credits a finding to the file it is in, or to the file its
message cites when that file is judged through the linted one, and nothing looser."""

from __future__ import annotations

import pytest
from bench.reviewer_score import Entry, hits

from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import verbatim


def _finding(rule: str, line: int, message: str) -> Finding:
    return Finding(rule, Severity.WARNING, verbatim(message), Span(line, 1, line, 2))


def _entry(file: str, line: int) -> Entry:
    return Entry("scenario", "port-mismatch", file, line, "")


MOVED = "node listens on 4000 (environment PORT=4000), but api/Dockerfile line 8 EXPOSEs 3000: ..."


@pytest.mark.parametrize(
    ("entry", "findings", "credited"),
    [
        # A compose finding citing the Dockerfile, as a path relative to the compose file's folder.
        (_entry("api/Dockerfile", 8), {"compose.yaml": [_finding("DC070", 6, MOVED)]}, True),
        (_entry("deploy/api/Dockerfile", 8), {"deploy/compose.yaml": [_finding("DC070", 6, MOVED)]}, True),
        (_entry("api/Dockerfile", 8), {"compose.yaml": [_finding("DC070", 6, MOVED.replace("api/", "./api/"))]}, True),
        # Another line, a longer path ending in the same name, a rule of another concept.
        (_entry("api/Dockerfile", 9), {"compose.yaml": [_finding("DC070", 6, MOVED)]}, False),
        (
            _entry("api/Dockerfile", 8),
            {"compose.yaml": [_finding("DC070", 6, MOVED.replace("api/", "old/api/"))]},
            False,
        ),
        (_entry("api/Dockerfile", 8), {"compose.yaml": [_finding("DC053", 6, MOVED)]}, False),
        # A compose file in another folder does not see the Dockerfile; a Dockerfile does not judge another one.
        (_entry("api/Dockerfile", 8), {"web/compose.yaml": [_finding("DC070", 6, MOVED)]}, False),
        (_entry("api/Dockerfile", 8), {"Dockerfile": [_finding("DF112", 6, MOVED)]}, False),
        # The Dockerfile's own finding counts within a line of the entry; a config file through any linted file.
        (_entry("api/Dockerfile", 8), {"api/Dockerfile": [_finding("DF112", 9, "EXPOSE 3000, but ...")]}, True),
        (
            _entry("proxy/nginx.conf", 6),
            {"compose.yaml": [_finding("DC052", 17, "./proxy/nginx.conf line 6 sends requests to `api:3000`")]},
            True,
        ),
    ],
)
def test_a_finding_counts_in_its_file_or_where_it_cites_a_file_judged_through_it(
    entry: Entry, findings: dict[str, list[Finding]], credited: bool
) -> None:
    assert bool(hits(entry, findings)) is credited
