"""Where "ignore this rule" puts its pragma, and that the engine then honours it."""

from __future__ import annotations

from dockwright.findings import Finding, Fix
from dockwright.fixes import apply_fixes
from dockwright.lint import lint
from dockwright.lsp.positions import split_lines
from dockwright.lsp.pragma_edits import ignore_here, ignore_in_file


def ignore(text: str, rule: str, *, here: bool, kind: str = "dockerfile") -> str:
    result = lint(text, kind=kind)
    finding = next(f for f in result.findings if f.rule == rule)
    lines = split_lines(text)
    edit = (
        ignore_here(kind, result.document, lines, finding, rule)
        if here
        else ignore_in_file(kind, result.document, lines, rule)
    )
    assert edit is not None
    fixed, count = apply_fixes(text, [Finding(rule, finding.severity, "", finding.span, Fix("ignore", (edit,), True))])
    assert count == 1
    assert rule not in {f.rule for f in lint(fixed, kind=kind).findings}
    return fixed


def test_ignore_here_goes_above_the_instruction_with_its_indentation_even_for_a_later_line_of_it() -> None:
    text = "FROM debian:12\n  RUN apt-get update && \\\n      cd /tmp\n"
    assert ignore(text, "DF022", here=True) == (
        "FROM debian:12\n  # dockwright ignore=DF022\n  RUN apt-get update && \\\n      cd /tmp\n"
    )


def test_ignore_here_adds_to_a_pragma_already_above_the_instruction() -> None:
    text = "FROM debian:12\n# dockwright ignore=DF009\nRUN cd /tmp && apt-get install curl\n"
    fixed = ignore(text, "DF022", here=True)
    assert fixed.splitlines()[1] == "# dockwright ignore=DF009,DF022"


def test_ignore_in_file_goes_below_the_parser_directives() -> None:
    text = "# syntax=docker/dockerfile:1\n# escape=\\\nFROM python:latest\n"
    assert ignore(text, "DF003", here=False) == (
        "# syntax=docker/dockerfile:1\n# escape=\\\n# dockwright global ignore=DF003\nFROM python:latest\n"
    )


def test_ignore_in_file_adds_to_an_existing_global_pragma() -> None:
    text = "# dockwright global ignore=DF005\nFROM python:latest\n"
    assert ignore(text, "DF003", here=False).splitlines()[0] == "# dockwright global ignore=DF005,DF003"


def test_ignore_here_in_compose_goes_above_the_line_and_covers_its_block() -> None:
    text = "services:\n  db:\n    image: postgres:11\n"
    assert ignore(text, "DC034", here=True, kind="compose") == (
        "services:\n  db:\n    # dockwright ignore=DC034\n    image: postgres:11\n"
    )


def test_a_shellcheck_code_is_ignored_for_its_instruction() -> None:
    text = "FROM debian:12\nARG archive\nRUN tar -xf $archive\n"
    result = lint(text, kind="dockerfile")
    finding = next(f for f in result.findings if f.message.startswith("SC2086"))
    edit = ignore_here("dockerfile", result.document, split_lines(text), finding, "SC2086")
    assert edit is not None
    fixed, _ = apply_fixes(text, [Finding("DF100", finding.severity, "", finding.span, Fix("t", (edit,), True))])
    assert fixed.splitlines()[2] == "# dockwright ignore=SC2086"
    assert not [f for f in lint(fixed, kind="dockerfile").findings if f.message.startswith("SC2086")]
