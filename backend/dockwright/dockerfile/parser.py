"""A Dockerfile parser that follows BuildKit's grammar and keeps every position.

It never raises: what BuildKit would reject becomes a :class:`SyntaxProblem` at the error's position,
and the rest of the file is still parsed so that other findings are not hidden.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from dockwright.dockerfile.model import (
    KNOWN_INSTRUCTIONS,
    Comment,
    Directive,
    Dockerfile,
    Flag,
    Heredoc,
    Instruction,
    SyntaxProblem,
)
from dockwright.dockerfile.scopes import assign_stages_and_scopes
from dockwright.dockerfile.source_map import SourceMap
from dockwright.dockerfile.words import split_words
from dockwright.findings import Span

_DIRECTIVE = re.compile(r"^#\s*([a-zA-Z][a-zA-Z0-9_]*)\s*=\s*(.*?)\s*$")
KNOWN_DIRECTIVES = ("syntax", "escape", "check")
# BuildKit accepts heredocs in these instructions only.
HEREDOC_INSTRUCTIONS = ("RUN", "COPY", "ADD")
_HEREDOC_WORD = re.compile(r"^(\d*)<<(-?)(?!<)(.+)$")
JSON_FORM_INSTRUCTIONS = ("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME")
# Instructions that may be written without arguments.
_NO_ARGUMENT_OK = ("HEALTHCHECK",)
_FORBIDDEN_TRIGGERS = ("ONBUILD", "FROM", "MAINTAINER")


@dataclass
class _Logical:
    """One instruction's text before it is split into keyword, flags and arguments."""

    text: str
    source: SourceMap
    first_line: int
    last_line: int  # last physical line of the instruction (before heredoc bodies)


def parse_dockerfile(text: str) -> Dockerfile:
    return _Parser(text).parse()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = [line.removesuffix("\r") for line in text.split("\n")]
        if text.endswith("\n"):
            self.lines.pop()
        self.bom = bool(self.lines) and self.lines[0].startswith("\ufeff")
        if self.bom:
            self.lines[0] = self.lines[0][1:]
        self.escape = "\\"
        self.directives: dict[str, Directive] = {}
        self.comments: list[Comment] = []
        self.errors: list[SyntaxProblem] = []
        self.empty_continuations: list[int] = []
        self.instructions: list[Instruction] = []

    def column(self, line: int, index: int) -> int:
        """1-based column of the character at ``index`` of ``line`` (1-based), counting a stripped BOM."""
        return index + 1 + (1 if self.bom and line == 1 else 0)

    def parse(self) -> Dockerfile:
        position = self._parse_directives()
        while position < len(self.lines):
            position = self._parse_line(position)
        stages, global_args = assign_stages_and_scopes(self.instructions, self.errors, self.escape)
        if not stages and not any(e.message.startswith("unknown instruction") for e in self.errors):
            last = max(len(self.lines), 1)
            self.errors.append(SyntaxProblem(Span(1, 1, last, 2), "the Dockerfile has no FROM instruction"))
        for instruction in self.instructions:
            instruction.escape = self.escape
        return Dockerfile(
            text=self.text,
            lines=self.lines,
            instructions=self.instructions,
            stages=stages,
            global_args=global_args,
            directives=self.directives,
            comments=self.comments,
            errors=sorted(self.errors, key=lambda e: e.span),
            empty_continuation_lines=self.empty_continuations,
            escape=self.escape,
        )

    # -- directives and comments -------------------------------------------------------------------

    def _parse_directives(self) -> int:
        """Read `# syntax=`, `# escape=` and `# check=` lines; they are only honoured at the very top."""
        for index, line in enumerate(self.lines):
            match = _DIRECTIVE.match(line.strip())
            name = match.group(1).lower() if match else ""
            if not match or name not in KNOWN_DIRECTIVES or name in self.directives:
                return index
            value = match.group(2)
            self.directives[name] = Directive(name, value, index + 1)
            self.comments.append(Comment(index + 1, line.strip()[1:]))
            if name == "escape":
                if value in ("\\", "`"):
                    self.escape = value
                else:
                    column = self.column(index + 1, line.find(value))
                    self.errors.append(
                        SyntaxProblem(Span(index + 1, column, index + 1, column + len(value)),
                                      f"invalid escape directive {value!r}: use \\ or `")
                    )
        return len(self.lines)

    def _is_comment(self, line: str) -> bool:
        return line.lstrip().startswith("#")

    def _continues(self, line: str) -> bool:
        stripped = line.rstrip(" \t")
        return stripped.endswith(self.escape) and not self._is_comment(line)

    # -- instructions ------------------------------------------------------------------------------

    def _parse_line(self, index: int) -> int:
        line = self.lines[index]
        if not line.strip():
            return index + 1
        if self._is_comment(line):
            self.comments.append(Comment(index + 1, line.strip()[1:]))
            return index + 1
        logical, next_index = self._join_continuations(index)
        instruction, next_index = self._build_instruction(logical, next_index)
        if instruction is not None:
            instruction.index = len(self.instructions)
            self.instructions.append(instruction)
        return next_index

    def _join_continuations(self, index: int) -> tuple[_Logical, int]:
        source = SourceMap()
        parts: list[str] = []
        length = 0
        line_index = index
        last_line = index
        while line_index < len(self.lines):
            line = self.lines[line_index]
            continues = self._continues(line)
            piece = line.rstrip(" \t")[:-1] if continues else line
            if line_index == index:
                start = len(piece) - len(piece.lstrip())
                piece = piece[start:]
            else:
                start = 0
            source.add(length, line_index + 1, self.column(line_index + 1, start), len(piece))
            parts.append(piece)
            length += len(piece)
            last_line = line_index
            line_index += 1
            if not continues:
                break
            # Inside a continuation, comment lines vanish and empty lines are skipped (with a warning).
            while line_index < len(self.lines):
                following = self.lines[line_index]
                if self._is_comment(following):
                    self.comments.append(Comment(line_index + 1, following.strip()[1:]))
                elif not following.strip():
                    self.empty_continuations.append(line_index + 1)
                else:
                    break
                line_index += 1
        return _Logical("".join(parts), source, index + 1, last_line + 1), line_index

    def _build_instruction(self, logical: _Logical, next_index: int) -> tuple[Instruction | None, int]:
        text = logical.text
        keyword_end = len(text.split(None, 1)[0]) if text.strip() else 0
        keyword_text = text[:keyword_end]
        keyword = keyword_text.upper()
        keyword_span = logical.source.span(0, keyword_end)
        rest_start = keyword_end
        while rest_start < len(text) and text[rest_start] in " \t":
            rest_start += 1
        if keyword not in KNOWN_INSTRUCTIONS:
            self.errors.append(SyntaxProblem(keyword_span, f"unknown instruction: {keyword_text}"))
            return None, next_index
        instruction = self._instruction(keyword, keyword_text, keyword_span, text[rest_start:],
                                        logical.source.shifted(rest_start), logical)
        if keyword in HEREDOC_INSTRUCTIONS and instruction.json_args is None:
            next_index = self._read_heredocs(instruction, next_index)
        if keyword == "ONBUILD":
            self._attach_trigger(instruction)
        return instruction, next_index

    def _instruction(
        self, keyword: str, keyword_text: str, keyword_span: Span, rest: str, rest_map: SourceMap, logical: _Logical
    ) -> Instruction:
        flags, arguments_start = self._flags(rest, rest_map) if keyword != "ONBUILD" else ([], 0)
        arguments = rest[arguments_start:].rstrip()
        arguments_map = rest_map.shifted(arguments_start)
        end_line, end_column = logical.source.position(max(len(logical.text) - 1, 0))
        span = Span(keyword_span.start_line, keyword_span.start_column, end_line, end_column + 1)
        instruction = Instruction(
            keyword=keyword,
            keyword_text=keyword_text,
            keyword_span=keyword_span,
            span=span,
            flags=flags,
            arguments=arguments,
            arguments_map=arguments_map,
            json_args=_json_form(arguments) if keyword in JSON_FORM_INSTRUCTIONS else None,
            escape=self.escape,
        )
        if not arguments.strip() and keyword not in _NO_ARGUMENT_OK:
            self.errors.append(SyntaxProblem(keyword_span, f"{keyword} requires at least one argument"))
        return instruction

    def _flags(self, rest: str, rest_map: SourceMap) -> tuple[list[Flag], int]:
        flags: list[Flag] = []
        consumed = 0
        for word in split_words(rest, self.escape):
            if not word.text.startswith("--") or word.text == "--":
                break
            name, eq, value = word.value[2:].partition("=")
            value_start = word.start + word.text.find("=") + 1 if eq else word.end
            flags.append(
                Flag(
                    name=name.lower(),
                    value=value if eq else None,
                    span=rest_map.span(word.start, word.end),
                    value_span=rest_map.span(value_start, word.end) if eq and value else None,
                )
            )
            consumed = word.end
        while consumed < len(rest) and rest[consumed] in " \t":
            consumed += 1
        return flags, consumed

    # -- heredocs ----------------------------------------------------------------------------------

    def _read_heredocs(self, instruction: Instruction, next_index: int) -> int:
        """Read the bodies of every `<<NAME` marker of the instruction, in order, after its last line."""
        markers = []
        for word in split_words(instruction.arguments, self.escape):
            match = _HEREDOC_WORD.match(word.text)
            if not match:
                continue
            quoted = any(q in match.group(3) for q in "'\"")
            name = split_words(match.group(3), self.escape)
            if not name or not name[0].value:
                continue
            markers.append((name[0].value, match.group(2) == "-", quoted, instruction.span_of(word.start, word.end)))
        line_index = next_index
        for name, strip_tabs, quoted, marker_span in markers:
            body_lines: list[str] = []
            body_map = SourceMap()
            offset = 0
            first = line_index
            terminated = False
            while line_index < len(self.lines):
                raw = self.lines[line_index]
                candidate = raw.lstrip("\t") if strip_tabs else raw
                if candidate == name:
                    terminated = True
                    break
                # The body is kept as written (BuildKit strips `<<-` tabs only when it runs the script).
                body_map.add(offset, line_index + 1, self.column(line_index + 1, 0), len(raw) + 1)
                body_lines.append(raw)
                offset += len(raw) + 1
                line_index += 1
            body = "".join(line + "\n" for line in body_lines)
            last = line_index if terminated else max(line_index - 1, first)
            end_line_text = self.lines[last] if last < len(self.lines) else ""
            span = Span(first + 1, 1, last + 1, len(end_line_text) + 1)
            if not terminated:
                self.errors.append(
                    SyntaxProblem(marker_span, f"heredoc {name!r} is not terminated: add a line with just {name}")
                )
            instruction.heredocs.append(Heredoc(name, body, strip_tabs, quoted, marker_span, body_map, span,
                                                terminated))
            line_index = line_index + 1 if terminated else line_index
        if instruction.heredocs:
            end = instruction.heredocs[-1].span
            instruction.span = Span(instruction.span.start_line, instruction.span.start_column, end.end_line,
                                    end.end_column)
        return line_index

    # -- ONBUILD -----------------------------------------------------------------------------------

    def _attach_trigger(self, onbuild: Instruction) -> None:
        text = onbuild.arguments
        if not text.strip():
            return
        keyword_end = len(text.split(None, 1)[0])
        keyword_text = text[:keyword_end]
        keyword = keyword_text.upper()
        keyword_span = onbuild.span_of(0, keyword_end)
        if keyword not in KNOWN_INSTRUCTIONS:
            self.errors.append(SyntaxProblem(keyword_span, f"unknown instruction in ONBUILD: {keyword_text}"))
            return
        if keyword in _FORBIDDEN_TRIGGERS:
            self.errors.append(SyntaxProblem(keyword_span, f"{keyword} is not allowed as an ONBUILD trigger"))
            return
        rest_start = keyword_end
        while rest_start < len(text) and text[rest_start] in " \t":
            rest_start += 1
        logical = _Logical(text, onbuild.arguments_map, onbuild.span.start_line, onbuild.span.end_line)
        trigger = self._instruction(keyword, keyword_text, keyword_span, text[rest_start:],
                                    onbuild.arguments_map.shifted(rest_start), logical)
        trigger.parent = onbuild
        onbuild.trigger = trigger


def _json_form(arguments: str) -> list[str] | None:
    """The exec form's list, or None when the text is not a JSON array of strings (then it is shell form)."""
    stripped = arguments.strip()
    if not stripped.startswith("["):
        return None
    try:
        value = json.loads(stripped)
    except ValueError:
        return None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None
