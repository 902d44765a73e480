"""Our parser against BuildKit's own, on a corpus of Dockerfiles.

The `dockerfile` package on PyPI wraps BuildKit's Go parser (``frontend/dockerfile/parser``, v0.12.5 in the
installed wheel). For every fixture both must agree on the instructions, their first and last lines, their
flags, their exec (JSON) form and arguments, the logical line BuildKit reads, and every heredoc's name and
body. Where the wrapper differs for a documented reason, a test below names the difference and asserts it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import dockerfile
import pytest
from hypothesis import HealthCheck, assume, example, given, settings

from dockwright.dockerfile.model import KNOWN_INSTRUCTIONS, Instruction
from dockwright.dockerfile.parser import exec_form, parse_dockerfile
from dockwright.dockerfile.words import BUILDKIT_WHITESPACE
from tests.engine.dockerfile.test_parser_robustness import mutated_fixture

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "dockerfiles" / "parity"
CORPUS = sorted(FIXTURES.glob("*.Dockerfile"))
WHITESPACE_SPLIT = ("COPY", "ADD", "VOLUME", "FROM", "EXPOSE")
_ASCII_WHITESPACE = re.compile(r"[\t\n\v\f\r ]+")


def _split(arguments: str) -> tuple[str, ...]:
    return tuple(BUILDKIT_WHITESPACE.split(arguments)) if arguments else ()


def _value_and_json(instruction: Instruction) -> tuple[tuple[str, ...], bool]:
    """The instruction's arguments in the shape BuildKit's parser gives them (node values)."""
    keyword, arguments = instruction.keyword, instruction.arguments
    if instruction.json_args is not None:
        return tuple(instruction.json_args), True
    if keyword in WHITESPACE_SPLIT:
        return _split(arguments), False
    if keyword == "ARG":
        return tuple(w.text for w in instruction.words), False
    if keyword in ("ENV", "LABEL"):
        return tuple(text for p in instruction.pairs for text in (p.key_text, p.value_text)), False
    if keyword == "HEALTHCHECK":
        # BuildKit cuts the type off at the first ASCII whitespace (it tests bytes, not characters).
        kind, rest = ([*_ASCII_WHITESPACE.split(arguments, maxsplit=1), "", ""])[:2]
        argv = exec_form(rest)
        if argv is not None:
            return (kind, *argv), True
        return ((kind, rest) if rest else (kind,)) if kind else (), False
    return ((arguments,) if arguments else ()), False


def ours(instruction: Instruction) -> dict[str, Any]:
    subject = instruction.trigger if instruction.trigger is not None else instruction
    value, is_json = _value_and_json(subject)
    return {
        "cmd": instruction.keyword,
        "sub_cmd": instruction.trigger.keyword if instruction.trigger is not None else None,
        "start_line": instruction.span.start_line,
        "end_line": instruction.span.end_line,
        "original": instruction.logical_text,
        "flags": tuple(f.word for f in instruction.flags),
        "json": is_json,
        "value": value,
        "heredocs": tuple((h.name, h.body) for h in instruction.heredocs),
    }


def drop_onbuild_heredocs(mine: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    """The installed wrapper reports no heredocs for ONBUILD triggers (see test_onbuild_heredocs_are_read)."""
    for ours_, theirs_ in zip(mine, expected, strict=False):
        if ours_["sub_cmd"] and not theirs_["heredocs"]:
            ours_["heredocs"] = ()


def theirs(command: Any) -> dict[str, Any]:
    return {
        "cmd": command.cmd.upper(),
        "sub_cmd": command.sub_cmd.upper() if command.sub_cmd else None,
        "start_line": command.start_line,
        "end_line": command.end_line,
        # BuildKit appends heredoc bodies to `original`; the line it read comes first.
        "original": command.original.split("\n", 1)[0],
        "flags": tuple(command.flags),
        "json": command.json,
        "value": tuple(command.value),
        "heredocs": tuple((h.name, h.content) for h in command.heredocs),
    }


def test_the_corpus_covers_enough_files() -> None:
    assert len(CORPUS) >= 45


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_instructions_match_buildkit(path: Path) -> None:
    text = path.read_bytes().decode("utf-8")
    parsed = parse_dockerfile(text)
    assert parsed.errors == []
    mine = [ours(i) for i in parsed.instructions]
    expected = [theirs(c) for c in dockerfile.parse_string(text)]
    drop_onbuild_heredocs(mine, expected)
    assert mine == expected


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_heredoc_bodies_point_at_their_lines(path: Path) -> None:
    """Each heredoc body line maps back to the same text in the file."""
    text = path.read_bytes().decode("utf-8")
    raw_lines = text.split("\n")
    for instruction in parse_dockerfile(text).all_instructions():
        for heredoc in instruction.heredocs:
            offset = 0
            for body_line in heredoc.body.split("\n")[:-1]:
                line, column = heredoc.body_map.position(offset)
                assert column == 1
                assert raw_lines[line - 1] == body_line
                offset += len(body_line) + 1


# -- documented differences ------------------------------------------------------------------------


def test_onbuild_heredocs_are_read() -> None:
    """BuildKit reads heredocs for an ONBUILD trigger (`canContainHeredoc` looks through ONBUILD) and attaches
    them to the ONBUILD node; the installed wrapper only collects heredocs of the trigger node, so it reports
    none. Its end line still shows the body was consumed."""
    text = 'FROM alpine\nONBUILD RUN <<EOF\necho child\nEOF\nCMD ["sh"]\n'
    onbuild = parse_dockerfile(text).instructions[1]
    [command] = [c for c in dockerfile.parse_string(text) if c.cmd == "ONBUILD"]
    assert [(h.name, h.content) for h in command.heredocs] in ([], [("EOF", "echo child\n")])
    assert (command.start_line, command.end_line) == (2, 4)
    assert (onbuild.span.start_line, onbuild.span.end_line) == (2, 4)
    assert onbuild.trigger is not None
    assert [(h.name, h.body) for h in onbuild.trigger.heredocs] == [("EOF", "echo child\n")]
    assert onbuild.heredocs == onbuild.trigger.heredocs


def test_check_directive_is_known_since_frontend_1_8() -> None:
    """`# check=` became a parser directive in BuildKit 0.15 (Dockerfile frontend 1.8). The wrapper's
    BuildKit 0.12.5 does not know it, so there it ends the directives and a following `# escape=` is a
    plain comment; current BuildKit, and we, still honour the escape directive."""
    text = "# check=skip=JSONArgsRecommended\n# escape=`\nFROM alpine\nRUN echo a `\n  b\n"
    parsed = parse_dockerfile(text)
    assert parsed.escape == "`"
    assert parsed.directives["check"].value == "skip=JSONArgsRecommended"
    assert [(i.keyword, i.span.start_line, i.span.end_line) for i in parsed.instructions] == [
        ("FROM", 3, 3),
        ("RUN", 4, 5),
    ]
    wrapper = [(c.cmd, c.start_line, c.end_line) for c in dockerfile.parse_string(text)]
    # The installed wheel (BuildKit 0.12.5) reads the old grammar; a newer one would agree with us.
    assert wrapper in ([("FROM", 3, 3), ("RUN", 4, 4), ("b", 5, 5)], [("FROM", 3, 3), ("RUN", 4, 5)])


def test_a_continuation_running_into_trailing_comments_ends_at_its_last_text() -> None:
    """When a file ends inside a continuation followed only by comment or blank lines, BuildKit counts those
    lines in the instruction's line range; our span ends at the instruction's last character, where a
    finding about it belongs."""
    text = "FROM alpine\nRUN echo a \\\n  b \\\n# trailing comment\n"
    run = parse_dockerfile(text).instructions[1]
    [_, command] = dockerfile.parse_string(text)
    assert (command.start_line, command.end_line) == (2, 4)
    assert (run.span.start_line, run.span.end_line) == (2, 3)
    assert run.logical_text == command.original == "RUN echo a   b "


# -- differential fuzzing --------------------------------------------------------------------------


def _wrapper_limits(text: str) -> bool:
    """Inputs where the wrapper, not BuildKit's current grammar, decides: BuildKit 0.12.5 has no `${a#b}`
    or `${a%b}` in its lexer (so a line using them has no heredoc), no `# check=` directive, and the
    wrapper returns non-ASCII flags as mojibake. NUL bytes end its C strings."""
    return bool(re.search(r"\$\{[^}]*[#%]", text)) or "check" in text.lower() or "\x00" in text


def _comparable(text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]] | None:
    try:
        commands = dockerfile.parse_string(text)
    except dockerfile.GoParseError:
        return None
    known = {k for k in KNOWN_INSTRUCTIONS if k not in ("ONBUILD", "FROM", "MAINTAINER")}
    # Unknown instructions are errors for us (and for BuildKit's next stage): compare the rest.
    expected = [
        theirs(c)
        for c in commands
        if (c.cmd or "").upper() in KNOWN_INSTRUCTIONS
        and ((c.cmd or "").upper() != "ONBUILD" or (c.sub_cmd or "").upper() in known)
    ]
    parsed = parse_dockerfile(text)
    actual = [ours(i) for i in parsed.instructions if i.keyword != "ONBUILD" or i.trigger is not None]
    if any(not f.text.isascii() for i in parsed.all_instructions() for f in i.flags):
        return None
    drop_onbuild_heredocs(actual, expected)
    lines = text.split("\n")
    for mine, buildkit in zip(actual, expected, strict=False):
        # A continuation running into trailing comment, blank or lone-escape lines at the end of the file
        # (see above).
        skipped = lines[mine["end_line"] : buildkit["end_line"]]
        if buildkit["end_line"] > mine["end_line"] and all(
            x.strip() in ("", "\\") or x.lstrip()[:1] == "#" for x in skipped
        ):
            buildkit["end_line"] = mine["end_line"]
    return actual, expected


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(mutated_fixture())
# A name in `${...}` may hold any Unicode letter, as in BuildKit's lexer; an ASCII-only name once hid the heredoc.
@example("FROM alpine:3.20\nRUN cat <<-'EOF' ${é}> /etc/profile.d/app.sh\n\t\texport APP=1\n\t\tEOF\n")
def test_mutated_files_buildkit_accepts_parse_the_same(text: str) -> None:
    assume(not _wrapper_limits(text))
    pair = _comparable(text)
    assume(pair is not None)
    actual, expected = pair  # type: ignore[misc]
    assert actual == expected
