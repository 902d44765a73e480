"""The analysis budget as the rules and ShellCheck meet it: capped output, ShellCheck within its limits, and
results that may differ next time marked transient."""

from __future__ import annotations

from typing import Any

import pytest

from dockwright.budget import Limits
from dockwright.lint import lint
from dockwright.rules import registry
from dockwright.shellcheck import runner as shellcheck

CONFIG = {"today": "2026-11-28"}


def messages(result: Any, rule: str) -> list[str]:
    return [f.message for f in result.findings if f.rule == rule]


def test_findings_past_a_rules_limit_are_counted_in_one_finding_at_the_first_left_out() -> None:
    content = "FROM debian:12\n" + "".join(f"RUN apt-get install pkg{i}\n" for i in range(30))
    result = lint(content, config={**CONFIG, "shellcheck": False}, limits=Limits(max_findings_per_rule=10))
    df009 = [f for f in result.findings if f.rule == "DF009"]
    assert len(df009) == 11
    assert df009[-1].message.startswith("20 more findings of DF009")
    assert df009[-1].line == 12


def test_findings_past_the_files_limit_keep_the_most_severe_and_are_counted_under_df108() -> None:
    content = "FROM python:latest\n" + "".join(f"RUN apt-get install pkg{i}\n" for i in range(30))
    result = lint(content, config={**CONFIG, "shellcheck": False}, limits=Limits(max_findings=20))
    assert len(result.findings) == 20
    summary = messages(result, "DF108")
    assert len(summary) == 1 and "more findings in this file are not listed" in summary[0]
    assert any(f.rule == "DF003" for f in result.findings)  # the latest tag (a warning) is among those kept


def test_a_long_quoted_token_is_shortened_to_its_ends() -> None:
    content = "FROM alpine:3.20\nCMD " + "x" * 2000 + "\n"
    result = lint(content, config={**CONFIG, "shellcheck": False})
    (message,) = messages(result, "DF008")
    assert len(message) <= Limits().max_message_chars
    assert "…" in message


def test_shellcheck_over_its_wall_clock_limit_is_a_finding_and_a_transient_result() -> None:
    shellcheck.clear_cache()
    content = "FROM alpine:3.20\nRUN echo $unique_name_for_timeout_test\n"
    limits = Limits(shellcheck_seconds=0.0, shellcheck_seconds_per_script=0.0, shellcheck_seconds_per_kib=0.0)
    result = lint(content, config=CONFIG, limits=limits)
    assert result.transient
    assert any("took longer than" in m for m in messages(result, "DF100"))


def test_shellcheck_over_its_memory_limit_is_a_finding_and_the_other_rules_still_report() -> None:
    shellcheck.clear_cache()
    content = "FROM python:latest\nRUN " + " && ".join(["true"] * 150) + " && echo $memory_test\n"
    result = lint(content, config=CONFIG, limits=Limits(shellcheck_memory_bytes=8 * 1024 * 1024))
    assert result.transient
    assert any("not checked" in m for m in messages(result, "DF100"))
    assert messages(result, "DF003")


def test_more_distinct_scripts_than_the_memory_cache_holds_are_all_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    shellcheck.clear_cache()
    monkeypatch.setattr(shellcheck, "_CACHE_SIZE", 8)
    content = "FROM alpine:3.20\n" + "".join(f"RUN echo $v{i}\n" for i in range(40))
    result = lint(content, config=CONFIG)
    assert not result.transient
    assert len([m for m in messages(result, "DF100") if m.startswith("SC2154")]) == 40


def test_a_crashing_rule_makes_the_result_transient(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = registry.get("DF003")
    assert rule is not None

    def crash(self: Any, document: Any, context: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(rule, "check", crash)
    result = lint("FROM python:latest\n", config={**CONFIG, "shellcheck": False})
    assert result.transient
    assert messages(result, "DF003") == ["rule DF003 could not check this file (internal error)"]


def test_fixing_until_stable_stops_when_the_relint_budget_is_spent() -> None:
    from dockwright.fixes import fix_until_stable

    content = "FROM debian:12\n" + "MAINTAINER someone\n" * 50
    relints: list[int] = []

    def relint(text: str) -> list[Any]:
        relints.append(len(text))
        return lint(text, config={**CONFIG, "shellcheck": False}, limits=Limits(max_findings_per_rule=10)).findings

    first = lint(content, config={**CONFIG, "shellcheck": False}, limits=Limits(max_findings_per_rule=10))
    limits = Limits(max_fix_relint_chars=3 * len(content))
    text, applied = fix_until_stable(content, first.findings, relint, limits=limits)
    assert len(relints) == 2  # the third pass would re-lint more than three times the text
    assert applied == 30 and text.count("MAINTAINER") == 20


def test_thousands_of_fixes_apply_in_one_pass() -> None:
    from dockwright.fixes import apply_fixes

    content = "FROM debian:12\n" + "MAINTAINER someone\n" * 3000
    findings = lint(
        content, config={**CONFIG, "shellcheck": False}, limits=Limits(max_findings_per_rule=5000, max_findings=5000)
    ).findings
    text, applied = apply_fixes(content, findings)
    assert applied == 3000 and "MAINTAINER" not in text
