"""Every part of an instruction knows its exact line and column in the original text.

Spans are 1-based with an exclusive end column (SARIF). A helper reads the text a span covers back out
of the file, so each assertion says both where a thing is and that it is the right thing.
"""

from __future__ import annotations

from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.findings import Span


def text_at(source: str, span: Span) -> str:
    """The text of ``source`` inside ``span`` (a BOM counts as a column, as the parser counts it)."""
    lines = [line.rstrip("\r") for line in source.split("\n")]
    if span.start_line == span.end_line:
        return lines[span.start_line - 1][span.start_column - 1 : span.end_column - 1]
    first = lines[span.start_line - 1][span.start_column - 1 :]
    middle = lines[span.start_line : span.end_line - 1]
    last = lines[span.end_line - 1][: span.end_column - 1]
    return "\n".join([first, *middle, last])


def test_keyword_and_instruction_spans() -> None:
    text = "FROM python:3.12\n  run  pip install flask\n"
    from_, run = parse_dockerfile(text).instructions
    assert from_.keyword_span == Span(1, 1, 1, 5)
    assert from_.span == Span(1, 1, 1, 17)
    assert run.keyword_span == Span(2, 3, 2, 6)
    assert text_at(text, run.keyword_span) == "run"
    assert run.span == Span(2, 3, 2, 25)
    assert text_at(text, run.arguments_span) == "pip install flask"


def test_flag_and_flag_value_spans() -> None:
    text = "FROM alpine\nCOPY --chown=app:app --link \\\n     --from=build /src /dst\n"
    copy = parse_dockerfile(text).instructions[1]
    chown, link, from_ = copy.flags
    assert chown.span == Span(2, 6, 2, 21)
    assert chown.value_span == Span(2, 14, 2, 21)
    assert text_at(text, chown.value_span) == "app:app"
    assert (link.name, link.value, link.value_span) == ("link", None, None)
    assert text_at(text, link.span) == "--link"
    assert from_.span == Span(3, 6, 3, 18)
    assert text_at(text, from_.value_span) == "build"  # type: ignore[arg-type]
    assert [text_at(text, w.span) for w in copy.words] == ["/src", "/dst"]


def test_quoted_flag_keeps_its_written_text_and_buildkit_reading() -> None:
    text = 'FROM alpine\nCOPY --chown="app user" a b\n'
    flag = parse_dockerfile(text).instructions[1].flags[0]
    assert (flag.text, flag.word, flag.value) == ('--chown="app user"', "--chown=app user", "app user")
    assert text_at(text, flag.span) == '--chown="app user"'


def test_words_across_continuations_with_comment_and_blank_lines() -> None:
    text = "FROM alpine\nRUN apk add \\\n    # a comment inside the continuation\n    curl \\\n\n    jq\n"
    run = parse_dockerfile(text).instructions[1]
    assert run.span == Span(2, 1, 6, 7)
    spans = {w.value: w.span for w in run.words}
    assert spans["add"] == Span(2, 9, 2, 12)
    assert spans["curl"] == Span(4, 5, 4, 9)
    assert spans["jq"] == Span(6, 5, 6, 7)


def test_a_word_split_by_a_continuation_spans_two_lines() -> None:
    text = "FROM alpine\nRUN echo hel\\\nlo\n"
    run = parse_dockerfile(text).instructions[1]
    word = run.words[1]
    assert word.value == "hello"
    assert word.span == Span(2, 10, 3, 3)


def test_key_value_spans() -> None:
    text = 'FROM alpine\nENV A=1 \\\n    B="two words" C=\nLABEL "com.example.k"=v\n'
    env, label = parse_dockerfile(text).instructions[1:]
    a, b, c = env.pairs
    assert (a.key, a.value, text_at(text, a.key_span), text_at(text, a.value_span)) == ("A", "1", "A", "1")
    assert (b.key, b.value) == ("B", "two words")
    assert b.key_span == Span(3, 5, 3, 6)
    assert b.value_span == Span(3, 7, 3, 18)
    assert text_at(text, b.value_span) == '"two words"'
    assert (c.key, c.value, c.has_value) == ("C", "", True)
    [pair] = label.pairs
    assert (pair.key, pair.key_text) == ("com.example.k", '"com.example.k"')
    assert text_at(text, pair.key_span) == '"com.example.k"'


def test_legacy_env_value_span_covers_the_rest_of_the_line() -> None:
    text = "FROM alpine\nENV GREETING hello  world\n"
    [pair] = parse_dockerfile(text).instructions[1].pairs
    assert pair.legacy
    assert (pair.key, pair.value) == ("GREETING", "hello  world")
    assert text_at(text, pair.value_span) == "hello  world"


def test_heredoc_marker_body_and_extent() -> None:
    text = 'FROM alpine\nRUN <<EOF\necho one\n  echo two\nEOF\nCMD ["sh"]\n'
    run = parse_dockerfile(text).instructions[1]
    [heredoc] = run.heredocs
    assert heredoc.marker_span == Span(2, 5, 2, 10)
    assert heredoc.span == Span(3, 1, 5, 4)
    assert run.span == Span(2, 1, 5, 4)
    assert heredoc.body_map.position(0) == (3, 1)
    assert heredoc.body_map.position(len("echo one\n") + 2) == (4, 3)


def test_two_heredocs_read_in_order() -> None:
    text = "FROM alpine\nRUN <<A cat && <<-B cat\nfirst\nA\n\tsecond\n\tB\nUSER nobody\n"
    parsed = parse_dockerfile(text)
    run = parsed.instructions[1]
    first, second = run.heredocs
    assert (first.name, first.span, first.marker_span) == ("A", Span(3, 1, 4, 2), Span(2, 5, 2, 8))
    assert (second.name, second.strip_tabs, second.span) == ("B", True, Span(5, 1, 6, 3))
    assert second.body == "\tsecond\n"
    assert second.script == "second\n"
    assert parsed.instructions[2].span == Span(7, 1, 7, 12)


def test_shell_command_words_map_back_through_continuations_and_comments() -> None:
    text = "FROM debian\nRUN apt-get update \\\n    # refresh first\n && apt-get install -y \\\n\tcurl\n"
    run = parse_dockerfile(text).instructions[1]
    assert run.shell is not None
    update, install = run.shell.all_commands
    assert update.name.span == Span(2, 5, 2, 12)
    assert install.name.span == Span(4, 5, 4, 12)
    assert [(a.value, a.span) for a in install.args] == [
        ("install", Span(4, 13, 4, 20)),
        ("-y", Span(4, 21, 4, 23)),
        ("curl", Span(5, 2, 5, 6)),
    ]
    assert all(text_at(text, w.span) == w.raw for c in run.shell.all_commands for w in c.words)


def test_shell_commands_inside_a_heredoc_body() -> None:
    text = "FROM alpine\nRUN <<EOF\nset -e\n  apk add --no-cache git\nEOF\n"
    run = parse_dockerfile(text).instructions[1]
    assert run.shell is not None
    [set_, apk] = run.shell.all_commands
    assert set_.name.span == Span(3, 1, 3, 4)
    assert apk.name.span == Span(4, 3, 4, 6)
    assert text_at(text, apk.args[-1].span) == "git"


def test_tabs_count_as_one_column() -> None:
    text = "FROM\talpine\tAS\tbase\nRUN\tapk add\tgit\n"
    from_, run = parse_dockerfile(text).instructions
    assert from_.words[0].span == Span(1, 6, 1, 12)
    assert parse_dockerfile(text).stages[0].name_span == Span(1, 16, 1, 20)
    assert [w.span for w in run.words] == [Span(2, 5, 2, 8), Span(2, 9, 2, 12), Span(2, 13, 2, 16)]


def test_crlf_positions_ignore_the_carriage_returns() -> None:
    text = "FROM alpine\r\nRUN echo a \\\r\n    b\r\nCOPY <<EOF /x\r\nbody\r\nEOF\r\n"
    run, copy = parse_dockerfile(text).instructions[1:]
    assert run.span == Span(2, 1, 3, 6)
    assert [w.span for w in run.words] == [Span(2, 5, 2, 9), Span(2, 10, 2, 11), Span(3, 5, 3, 6)]
    [heredoc] = copy.heredocs
    assert heredoc.body == "body\r\n"  # as BuildKit keeps it
    assert heredoc.span == Span(5, 1, 6, 4)
    assert copy.span.end_line == 6


def test_a_bom_counts_as_the_first_column_of_line_one() -> None:
    text = "\ufeffFROM alpine AS base\nRUN true\n"
    parsed = parse_dockerfile(text)
    from_ = parsed.instructions[0]
    assert from_.keyword_span == Span(1, 2, 1, 6)
    assert text_at(text, from_.keyword_span) == "FROM"
    assert text_at(text, parsed.stages[0].image_span) == "alpine"
    assert parsed.instructions[1].keyword_span == Span(2, 1, 2, 4)


def test_backtick_escape_file_positions() -> None:
    text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ ; `\n    echo done\n"
    parsed = parse_dockerfile(text)
    run = parsed.instructions[1]
    assert parsed.escape == "`"
    assert run.span == Span(3, 1, 4, 14)
    assert [w.value for w in run.words] == ["dir", "C:\\", ";", "echo", "done"]
    assert run.words[1].span == Span(3, 9, 3, 12)
    assert run.words[3].span == Span(4, 5, 4, 9)


def test_onbuild_trigger_positions() -> None:
    text = "FROM alpine\nONBUILD  COPY --chown=a:b . /app\n"
    onbuild = parse_dockerfile(text).instructions[1]
    trigger = onbuild.trigger
    assert trigger is not None
    assert trigger.keyword_span == Span(2, 10, 2, 14)
    assert text_at(text, trigger.flags[0].span) == "--chown=a:b"
    assert [text_at(text, w.span) for w in trigger.words] == [".", "/app"]
    assert trigger.span == Span(2, 10, 2, 33)


def test_empty_arguments_point_just_past_the_keyword() -> None:
    parsed = parse_dockerfile("FROM alpine\nRUN\n")
    run = parsed.instructions[1]
    assert run.arguments == ""
    assert run.arguments_span == run.keyword_span
    assert run.span_of(0, 0) == Span(2, 4, 2, 5)


def test_shell_words_after_a_bom_and_in_backtick_escape_files() -> None:
    bom = "\ufeffRUN echo hi\nFROM alpine\n"
    run = parse_dockerfile(bom).instructions[0]
    assert run.shell is not None
    [echo] = run.shell.all_commands
    assert (echo.name.span, echo.args[0].span) == (Span(1, 6, 1, 10), Span(1, 11, 1, 13))
    assert text_at(bom, echo.name.span) == "echo"

    backtick = "# escape=`\nFROM alpine\nRUN apk add `\n    # comment `\n\tcurl && `\n    rm -rf /var/cache/apk\n"
    run = parse_dockerfile(backtick).instructions[1]
    assert run.shell is not None
    apk, rm = run.shell.all_commands
    assert apk.args[-1].span == Span(5, 2, 5, 6)
    assert rm.name.span == Span(6, 5, 6, 7)
    assert all(text_at(backtick, w.span) == w.raw for c in run.shell.all_commands for w in c.words)
