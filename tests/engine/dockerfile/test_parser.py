"""The parser's structure and its syntax errors: one finding per error, at the error, and the rest parsed."""

from __future__ import annotations

import pytest

from dockwright.dockerfile.parser import exec_form, parse_dockerfile
from dockwright.findings import Span


def keywords(text: str) -> list[str]:
    return [i.keyword for i in parse_dockerfile(text).instructions]


def errors(text: str) -> list[tuple[Span, str]]:
    return [(e.span, e.message) for e in parse_dockerfile(text).errors]


# -- structure ---------------------------------------------------------------------------------------


def test_directives_comments_and_instructions() -> None:
    text = "# syntax=docker/dockerfile:1\n# escape=\\\n# a comment\nFROM alpine\n# another\nRUN true\n"
    parsed = parse_dockerfile(text)
    assert {name: (d.value, d.line) for name, d in parsed.directives.items()} == {
        "syntax": ("docker/dockerfile:1", 1),
        "escape": ("\\", 2),
    }
    assert [(c.line, c.text) for c in parsed.comments] == [
        (1, " syntax=docker/dockerfile:1"),
        (2, " escape=\\"),
        (3, " a comment"),
        (5, " another"),
    ]
    assert keywords(text) == ["FROM", "RUN"]
    assert parsed.errors == []


def test_a_directive_after_a_blank_line_is_a_comment() -> None:
    parsed = parse_dockerfile("\n# escape=`\nFROM alpine\nRUN echo `\n")
    assert parsed.directives == {}
    assert parsed.escape == "\\"


def test_instruction_casing_is_kept_as_written() -> None:
    [from_, run] = parse_dockerfile("from alpine AS base\nRuN true\n").instructions
    assert (from_.keyword, from_.keyword_text) == ("FROM", "from")
    assert (run.keyword, run.keyword_text) == ("RUN", "RuN")
    assert parse_dockerfile("from alpine as base\n").stages[0].as_text == "as"


def test_empty_continuation_lines_are_recorded() -> None:
    parsed = parse_dockerfile("FROM alpine\nRUN echo a \\\n\n   \n  b\n")
    assert parsed.empty_continuations == [(5, (3, 4))]
    assert parsed.instructions[1].arguments == "echo a   b"


def test_an_escaped_escape_at_the_end_of_a_line_does_not_continue() -> None:
    assert keywords("FROM alpine\nRUN echo \\\\\nRUN true\n") == ["FROM", "RUN", "RUN"]


def test_exec_form_reads_the_first_json_value_only() -> None:
    assert exec_form('["a", "b"] trailing') == ["a", "b"]
    assert exec_form("['a']") is None
    assert exec_form('["a", NaN]') is None
    assert exec_form("[") is None
    assert exec_form("echo [x]") is None


def test_a_double_dash_ends_the_flags() -> None:
    run = parse_dockerfile("FROM alpine\nRUN -- --not-a-flag\n").instructions[1]
    assert run.flags == []
    assert run.arguments == "--not-a-flag"


def test_onbuild_flags_and_trigger() -> None:
    onbuild = parse_dockerfile("FROM alpine\nONBUILD RUN --mount=type=cache,target=/x make\n").instructions[1]
    assert onbuild.flags == []
    assert onbuild.trigger is not None
    assert onbuild.trigger.parent is onbuild
    assert [f.name for f in onbuild.trigger.flags] == ["mount"]
    assert onbuild.trigger.flags[0].options() == {"type": "cache", "target": "/x"}
    assert onbuild.trigger.arguments == "make"


def test_all_instructions_includes_onbuild_triggers() -> None:
    parsed = parse_dockerfile("FROM alpine\nONBUILD COPY . /app\nUSER app\n")
    assert [i.keyword for i in parsed.all_instructions()] == ["FROM", "ONBUILD", "COPY", "USER"]


def test_heredoc_fd_name_and_quoting() -> None:
    run = parse_dockerfile("FROM alpine\nRUN cat 3<<'E O' <<\\X\nbody\nE O\nx\nX\n").instructions[1]
    first, second = run.heredocs
    assert (first.name, first.file_descriptor, first.quoted, first.expands) == ("E O", 3, True, False)
    assert (second.name, second.quoted, second.body) == ("X", False, "x\n")


def test_heredoc_markers_in_quotes_or_words_are_not_heredocs() -> None:
    parsed = parse_dockerfile('FROM alpine\nRUN echo "<<EOF" a<<b <<< x\nRUN true\n')
    assert parsed.instructions[1].heredocs == []
    assert keywords('FROM alpine\nRUN echo "<<EOF" a<<b\nRUN true\n') == ["FROM", "RUN", "RUN"]


def test_json_run_has_no_heredocs() -> None:
    parsed = parse_dockerfile('FROM alpine\nRUN ["sh", "-c", "cat <<EOF"]\nEOF\n')
    assert parsed.instructions[1].heredocs == []
    assert [m for _, m in errors('FROM alpine\nRUN ["sh", "-c", "cat <<EOF"]\nEOF\n')] == ["unknown instruction: EOF"]


# -- syntax errors -------------------------------------------------------------------------------------


def test_unknown_instruction_is_reported_once_and_the_rest_is_parsed() -> None:
    text = "FROM python:3.12\nRUNN pip install flask\nCOPY . /app\n"
    assert errors(text) == [(Span(2, 1, 2, 5), "unknown instruction: RUNN")]
    assert keywords(text) == ["FROM", "COPY"]


@pytest.mark.parametrize(
    "keyword",
    [
        "ENV",
        "LABEL",
        "COPY",
        "ADD",
        "USER",
        "WORKDIR",
        "EXPOSE",
        "VOLUME",
        "HEALTHCHECK",
        "STOPSIGNAL",
        "ARG",
        "ONBUILD",
        "SHELL",
    ],
)
def test_missing_arguments(keyword: str) -> None:
    text = f"FROM alpine\n{keyword}\nUSER nobody\n"
    assert errors(text) == [(Span(2, 1, 2, 1 + len(keyword)), f"{keyword} requires at least one argument")]
    assert keywords(text) == ["FROM", keyword, "USER"]


@pytest.mark.parametrize("keyword", ["RUN", "CMD", "ENTRYPOINT"])
def test_commands_may_be_empty_as_buildkit_allows(keyword: str) -> None:
    assert errors(f"FROM alpine\n{keyword}\n") == []


def test_instruction_before_from() -> None:
    text = "# build\nRUN echo too early\nARG OK=1\nFROM alpine\nRUN echo fine\n"
    assert errors(text) == [(Span(2, 1, 2, 4), "RUN before the first FROM: only ARG may come before FROM")]
    assert keywords(text) == ["RUN", "ARG", "FROM", "RUN"]


def test_unterminated_heredoc_is_reported_at_its_marker_and_the_rest_is_parsed() -> None:
    text = "FROM alpine\nRUN <<EOF\necho one\nEOF \nCOPY . /app\nUSER app\n"
    assert [(s, m.split(":")[0]) for s, m in errors(text)] == [(Span(2, 5, 2, 10), "heredoc <<EOF is never terminated")]
    parsed = parse_dockerfile(text)
    assert keywords(text) == ["FROM", "RUN", "COPY", "USER"]
    [heredoc] = parsed.instructions[1].heredocs
    assert not heredoc.terminated
    assert heredoc.body == "echo one\nEOF \n"


def test_unterminated_heredoc_without_a_lookalike_ends_before_the_next_instruction() -> None:
    text = "FROM alpine\nRUN <<EOF\necho one\nenv | sort\nUSER app\n"
    parsed = parse_dockerfile(text)
    assert len(parsed.errors) == 1
    assert keywords(text) == ["FROM", "RUN", "USER"]
    assert parsed.instructions[1].heredocs[0].body == "echo one\nenv | sort\n"


def test_unterminated_heredoc_at_the_end_of_the_file() -> None:
    parsed = parse_dockerfile("FROM alpine\nRUN <<EOF")
    assert len(parsed.errors) == 1
    [heredoc] = parsed.instructions[1].heredocs
    assert (heredoc.body, heredoc.terminated, heredoc.span) == ("", False, heredoc.marker_span)


def test_invalid_escape_directive() -> None:
    text = "# escape=x\nFROM alpine\nRUN echo \\\n  continued\n"
    assert errors(text) == [(Span(1, 10, 1, 11), "invalid escape token 'x': use \\ or `")]
    assert keywords(text) == ["FROM", "RUN"]
    assert parse_dockerfile(text).instructions[1].arguments == "echo   continued"


def test_repeated_directive() -> None:
    text = "# escape=`\n# escape=\\\nFROM alpine\n"
    assert errors(text) == [(Span(2, 10, 2, 11), "only one escape parser directive can be used")]
    assert parse_dockerfile(text).escape == "`"


def test_env_and_label_syntax_errors() -> None:
    text = "FROM alpine\nENV A=1 B\nENV ONLYKEY\nLABEL =x\nENV OK=1\n"
    assert errors(text) == [
        (Span(2, 9, 2, 10), "Syntax error - can't find = in 'B'. Must be of the form: name=value"),
        (Span(3, 5, 3, 12), "ENV must have two arguments: a name and a value"),
        (Span(4, 7, 4, 9), "LABEL names can not be blank"),
    ]
    assert keywords(text) == ["FROM", "ENV", "ENV", "LABEL", "ENV"]


def test_json_array_of_non_strings() -> None:
    text = 'FROM alpine\nCMD ["sleep", 10]\nUSER app\n'
    assert errors(text) == [
        (Span(2, 5, 2, 18), "when using JSON array syntax, arrays must be comprised of strings only")
    ]
    assert parse_dockerfile(text).instructions[1].json_args is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("HEALTHCHECK NONE --now", "HEALTHCHECK NONE takes no arguments"),
        ("HEALTHCHECK curl -f http://x", "unknown HEALTHCHECK type 'curl': use CMD or NONE"),
        ("HEALTHCHECK --interval=5s CMD", "HEALTHCHECK CMD needs a command"),
        ("SHELL /bin/bash -c", 'SHELL requires the JSON form, e.g. SHELL ["/bin/bash", "-c"]'),
        ("COPY onlyone", "COPY requires at least two arguments: source and destination"),
        ("ONBUILD FROM alpine", "FROM is not allowed as an ONBUILD trigger"),
        ("ONBUILD ONBUILD RUN x", "ONBUILD is not allowed as an ONBUILD trigger"),
        ("ONBUILD RUNN x", "unknown instruction in ONBUILD: RUNN"),
    ],
)
def test_instruction_specific_errors(line: str, message: str) -> None:
    text = f"FROM alpine\n{line}\nUSER app\n"
    assert [m for _, m in errors(text)] == [message]
    assert [s.start_line for s, _ in errors(text)] == [2]
    assert keywords(text)[-1] == "USER"


def test_from_errors() -> None:
    assert [m for _, m in errors("FROM alpine AS 1st\n")] == [
        "invalid name for build stage: '1st', name can't start with a number or contain symbols"
    ]
    assert errors("FROM alpine base\n") == [
        (Span(1, 13, 1, 17), "FROM takes an image, and optionally AS and a stage name")
    ]


def test_a_file_without_from() -> None:
    assert [m for _, m in errors("# only a comment\n")] == ["the Dockerfile has no FROM instruction"]
    assert [m for _, m in errors("")] == ["the Dockerfile has no FROM instruction"]


def test_several_errors_are_all_reported_in_order() -> None:
    text = "FROM alpine\nRUNN x\nENV A\nCOPYY . .\nRUN <<EOF\n"
    assert [s.start_line for s, _ in errors(text)] == [2, 3, 4, 5]


# -- speed -----------------------------------------------------------------------------------------------


def test_the_comments_buildkit_attaches_to_an_instruction() -> None:
    parsed = parse_dockerfile(
        "# syntax=docker/dockerfile:1\n# check=skip=all\n# first\n\n  # indented\nFROM alpine AS a\n"
        "# dropped\n#\n# kept\nRUN a \\\n  # inside\n  b\nRUN c\n"
    )
    assert [i.prev_comments for i in parsed.instructions] == [("first", "# indented"), ("kept",), ()]


def test_hadolints_shell_pragma_is_recorded_on_the_next_instruction() -> None:
    parsed = parse_dockerfile("# hadolint shell=powershell # a comment\nFROM x\nRUN a\n# hadolint shell = cmd\nRUN b\n")
    assert [i.shell_pragma for i in parsed.instructions] == ["powershell", None, "cmd"]
    assert [i.shell_argv for i in parsed.instructions[1:]] == [["powershell"], ["cmd"]]
