"""Safe fixes: applied, the findings they fix are gone and everything else (comments too) is kept."""

import pytest

from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.fixes import apply_fixes
from dockwright.lint import lint

# The quoting rules are style rules, off by default; the ordering ones have their own tests
# (test_ordering_fixes.py): they rewrite whole mappings, which overlaps every other fix in one pass.
CONFIG = {"today": "2026-11-28", "enable": ["DC013", "DC016"]}

COMPOSE = """\
# Shop stack (keep this comment)
version: "3.8"  # obsolete
services:
  web:
    image: nginx:1.27  # pinned
    ports:
      - 8080:80
    depends_on:
      - db
  db:
    image: postgres:17
    ports:
      - "5432:5432"   # for local tools
      - target: 6379
        published: 6379
    healthcheck:
      test: [CMD, pg_isready]
"""


def _fixable(text: str) -> set[tuple[str, int]]:
    result = lint(text, kind="compose", config=CONFIG)
    return {(f.rule, f.line) for f in result.findings if f.fix is not None and f.fix.safe and f.fix.edits}


def test_applying_safe_fixes_removes_their_findings_and_keeps_comments() -> None:
    result = lint(COMPOSE, kind="compose", config=CONFIG)
    fixed, applied = apply_fixes(COMPOSE, result.findings)
    assert applied >= 5
    assert {rule for rule, _ in _fixable(COMPOSE)} >= {"DC011", "DC016", "DC025", "DC032"}
    assert _fixable(fixed) == set()
    for comment in ("# Shop stack (keep this comment)", "# pinned", "# for local tools"):
        assert comment in fixed
    assert "version" not in fixed
    assert '- "8080:80"' in fixed
    assert '"127.0.0.1:5432:5432"' in fixed
    assert "        host_ip: 127.0.0.1\n" in fixed
    assert "      db:\n        condition: service_healthy\n" in fixed
    after = lint(fixed, kind="compose", config=CONFIG)
    assert not [f for f in after.findings if f.rule in ("DC001", "DC003")]


def test_fixing_twice_changes_nothing_more() -> None:
    once, _ = apply_fixes(COMPOSE, lint(COMPOSE, kind="compose", config=CONFIG).findings)
    twice, applied = apply_fixes(once, lint(once, kind="compose", config=CONFIG).findings)
    assert (twice, applied) == (once, 0)


def test_unsafe_fixes_apply_only_when_asked() -> None:
    text = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8080:80'\n"
    findings = [f for f in lint(text, kind="compose", config=CONFIG).findings if f.rule == "DC014"]
    assert apply_fixes(text, findings) == (text, 0)
    fixed, applied = apply_fixes(text, findings, safe_only=False)
    assert applied == 1 and "'127.0.0.1:8080:80'" in fixed


def test_a_depends_on_list_with_comments_is_left_alone() -> None:
    text = (
        "services:\n  web:\n    image: x:1\n    depends_on:\n      - db  # the database\n"
        "  db:\n    image: y:1\n    healthcheck:\n      test: [CMD, true]\n"
    )
    (finding,) = [f for f in lint(text, kind="compose", config=CONFIG).findings if f.rule == "DC032"]
    assert finding.fix is not None and finding.fix.edits == () and not finding.fix.safe


def _finding(*edits: Edit, safe: bool = True) -> Finding:
    return Finding("X1", Severity.INFO, "m", Span(1, 1, 1, 2), Fix("t", edits, safe))


@pytest.mark.parametrize(
    ("text", "edits", "expected", "count"),
    [
        ("abc\ndef\n", [[Edit(Span(1, 2, 1, 3), "X")]], "aXc\ndef\n", 1),
        ("abc\ndef\n", [[Edit(Span(1, 1, 2, 1), "")]], "def\n", 1),
        ("abc\ndef", [[Edit(Span(2, 1, 3, 1), "")]], "abc\n", 1),
        ("abc\n", [[Edit(Span(1, 4, 1, 4), "!")]], "abc!\n", 1),
        # overlapping fixes: the first (by position) wins, the other waits for the next run
        ("abcdef", [[Edit(Span(1, 1, 1, 4), "X")], [Edit(Span(1, 3, 1, 5), "Y")]], "Xdef", 1),
        # a fix is all or nothing
        (
            "abcdef",
            [[Edit(Span(1, 2, 1, 3), "X")], [Edit(Span(1, 5, 1, 6), "Y"), Edit(Span(1, 2, 1, 2), "Z")]],
            "aZbcdYf",
            1,
        ),
        # the same fix reported by two findings is applied once
        ("abc", [[Edit(Span(1, 1, 1, 1), ">")], [Edit(Span(1, 1, 1, 1), ">")]], ">abc", 1),
        ("abc", [[Edit(Span(1, 1, 1, 2), "A")], [Edit(Span(1, 3, 1, 4), "C")]], "AbC", 2),
    ],
)
def test_apply_fixes_edits_text_from_the_end(text: str, edits: list[list[Edit]], expected: str, count: int) -> None:
    assert apply_fixes(text, [_finding(*group) for group in edits]) == (expected, count)
