"""The parser never raises and never hangs, whatever it is fed.

Random text built from Dockerfile fragments, random bytes, and real fixtures truncated or mutated go
through ``parse_dockerfile`` and through every query rules make of the model (words, pairs, flags, the
shell script, variable expansion, stage images); each example must finish within a second of CPU time.
"""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.dockerfile.queries.commands import operands

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "dockerfiles" / "parity"
CORPUS = [p.read_bytes().decode("utf-8") for p in sorted(FIXTURES.glob("*.Dockerfile"))]
TIME_LIMIT = 1.0  # seconds of CPU time per example

FRAGMENTS = [
    "FROM",
    "from",
    "RUN",
    "COPY",
    "ADD",
    "ENV",
    "ARG",
    "LABEL",
    "ONBUILD",
    "HEALTHCHECK",
    "CMD",
    "SHELL",
    "ENTRYPOINT",
    "USER",
    "WORKDIR",
    "EXPOSE",
    "VOLUME",
    "STOPSIGNAL",
    "MAINTAINER",
    "AS",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\\",
    "\\\n",
    "`",
    "`\n",
    "#",
    "# escape=`\n",
    "# escape=\\\n",
    "# syntax=x\n",
    "\ufeff",
    "<<",
    "<<EOF",
    "<<-EOF",
    "<<'EOF'",
    '<<"EOF"',
    "EOF",
    "\tEOF",
    "3<<X",
    "X",
    "$",
    "${",
    "}",
    "${A:-b}",
    "${A:+/}",
    "${A#*}",
    "${A%%x}",
    "$A",
    "A=",
    "=",
    '"',
    "'",
    "[",
    "]",
    '["a"]',
    '["a", 1]',
    ",",
    "--mount=type=cache,target=/x",
    "--",
    "--from=",
    "--chown=",
    "-y",
    "&&",
    "||",
    ";",
    "|",
    "(",
    ")",
    "{",
    "}",
    "$(",
    "`x`",
    "if",
    "then",
    "fi",
    "case",
    "esac",
    "in",
    "bash",
    "sh",
    "python3",
    "apt-get",
    "install",
    "NONE",
    "alpine",
    "python:3.12",
    "/app",
    ".",
    "é",
    "☕",
    "\x00",
    "\x0b",
    "\x0c",
    "\u2028",
]

text_strategy = st.lists(st.sampled_from(FRAGMENTS), max_size=80).map("".join)
bytes_strategy = st.binary(max_size=2000).map(lambda b: b.decode("utf-8", errors="replace"))


@st.composite
def truncated_fixture(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(CORPUS))
    return text[: draw(st.integers(0, len(text)))]


@st.composite
def mutated_fixture(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        kind = draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        if kind == "delete":
            text = text[:start] + text[end:]
        elif kind == "insert":
            text = text[:start] + draw(st.sampled_from(FRAGMENTS)) + text[start:]
        elif kind == "replace":
            text = text[:start] + draw(text_strategy) + text[end:]
        else:
            text = text[:start] + text[start:end] * 2 + text[end:]
    return text


def exercise(dockerfile: Dockerfile) -> None:
    """Touch everything a rule might ask of the model."""
    for instruction in dockerfile.all_instructions():
        assert instruction.span.start_line >= 1
        _ = instruction.words, instruction.pairs, instruction.arguments_span, instruction.command_text
        for flag in instruction.flags:
            flag.options()
        instruction.expand(instruction.arguments)
        for heredoc in instruction.heredocs:
            _ = heredoc.script, heredoc.body_map.position(len(heredoc.body))
        script = instruction.shell
        if script is not None:
            for command in script.all_commands:
                command.has_flag("-y", "--yes")
                _ = command.program, operands(command.args), command.span
    for stage in dockerfile.stages:
        _ = stage.image, stage.root_image, stage.lineage
    for error in dockerfile.errors:
        assert error.span.start_line >= 1
        assert error.message


def check(text: str) -> None:
    started = time.process_time()
    exercise(parse_dockerfile(text))
    assert time.process_time() - started < TIME_LIMIT


COMMON = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@COMMON
@given(text_strategy)
def test_random_dockerfile_fragments(text: str) -> None:
    check(text)


@COMMON
@given(bytes_strategy)
def test_random_bytes(text: str) -> None:
    check(text)


@COMMON
@given(truncated_fixture())
def test_truncated_fixtures(text: str) -> None:
    check(text)


@COMMON
@given(mutated_fixture())
def test_mutated_fixtures(text: str) -> None:
    check(text)


def test_pathological_inputs_stay_fast() -> None:
    for text in [
        "FROM a\n" + "RUN x \\\n" * 5000,
        "FROM a\nRUN " + "<<EOF " * 2000 + "\n",
        "FROM a\n" + "RUN <<EOF\n" * 3000,
        "FROM a\nENV " + " ".join(f"K{i}=${{K{i - 1}:-v}}" for i in range(2000)) + "\n",
        "FROM a\nRUN " + "$(" * 3000 + "\n",
        "FROM a\nRUN echo " + '"' * 5001 + "\n",
        "FROM a\nLABEL x=" + "${" * 2000 + "\n",
        "ARG A=" + "x" * 100_000 + "\nFROM a:${A%%*x*x*x*x*x}\n",
        "\n" * 100_000,
        "#" * 100_000,
    ]:
        check(text)
