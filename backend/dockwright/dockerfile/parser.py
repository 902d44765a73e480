"""A Dockerfile parser that follows BuildKit's grammar and keeps every position.

The reading of lines, continuations, directives and heredocs mirrors BuildKit's
``frontend/dockerfile/parser/parser.go`` step by step (tests compare the two on a corpus of files).
It never raises: what BuildKit would reject becomes a :class:`SyntaxProblem` at the error's position,
and the rest of the file is still parsed so that other findings are not hidden.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cached_property

from dockwright import budget
from dockwright.dockerfile.build import BuildOptions
from dockwright.dockerfile.checks import InvalidCheckOptions, file_check, parse_check_options
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
from dockwright.dockerfile.words import (
    BUILDKIT_WHITESPACE,
    GO_SPACE,
    RawFlag,
    heredoc_words,
    split_flags,
    unquote,
)
from dockwright.findings import Span

# BuildKit's directive grammar, applied to a line without its leading whitespace. Go's `\s` is
# [\t\n\f\r ] (no vertical tab), so it is spelled out.
_DIRECTIVE = re.compile(r"#[^\S\v]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*$")
# `check` is known to BuildKit since Dockerfile frontend 1.8.
KNOWN_DIRECTIVES = ("syntax", "escape", "check")
# BuildKit accepts heredocs in these instructions only (also as an ONBUILD trigger).
HEREDOC_INSTRUCTIONS = ("RUN", "COPY", "ADD")
_HEREDOC_WORD = re.compile(r"(\d*)<<(-?)([^<]*)")
JSON_FORM_INSTRUCTIONS = ("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD", "VOLUME")
_KEYWORD = re.compile(r"[^\t\v\f\r ]*")
_SEPARATOR = re.compile(r"[\t\v\f\r ]*")
# Instructions BuildKit rejects without arguments (RUN, CMD and ENTRYPOINT may be empty).
_REQUIRES_ARGUMENTS = frozenset(
    {"ADD", "ARG", "COPY", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "SHELL"}
    | {"STOPSIGNAL", "USER", "VOLUME", "WORKDIR"}
)
_FORBIDDEN_TRIGGERS = ("ONBUILD", "FROM", "MAINTAINER")
_NOT_STRINGS = "when using JSON array syntax, arrays must be comprised of strings only"
# hadolint's `# hadolint shell=NAME` pragma (a comment may follow it), read from a comment without its `#`.
_SHELL_PRAGMA = re.compile(r"[ \t]*hadolint[ \t]+shell[ \t]*=[ \t]*([^\s#]+)[ \t]*(?:#.*)?")


@dataclass
class _Logical:
    """One instruction's text, continuation lines joined, before it is split into keyword and arguments."""

    text: str
    source: SourceMap
    first_line: int
    last_line: int  # last physical line holding text of the instruction (before heredoc bodies)
    # Where the instruction starts: BuildKit counts a line holding only the escape character, before the
    # keyword, as the instruction's first line. None for an ONBUILD trigger (it starts at its keyword).
    start: tuple[int, int] | None = None


def parse_dockerfile(text: str, build: BuildOptions | None = None) -> Dockerfile:
    """The model of ``text``, its ARGs resolved with ``build``'s args and its final stage ``build``'s target
    (the last stage when it names none or a stage the file lacks: :func:`dockwright.lint.parse` refuses that)."""
    return _Parser(text).parse(build or BuildOptions())


def exec_form(arguments: str) -> list[str] | None:
    """The exec form's argv, or None when ``arguments`` is not a JSON array of strings (shell form).

    Like BuildKit, only the first JSON value is read: text after the closing bracket is ignored.
    """
    argv, _ = _json_array(arguments)
    return argv


def _json_array(arguments: str) -> tuple[list[str] | None, bool]:
    """``(argv, not_strings)``: not_strings is True for a JSON array holding something other than
    strings, which BuildKit rejects outright instead of falling back to the shell form."""
    stripped = arguments.lstrip(GO_SPACE)
    if not stripped.startswith("["):
        return None, False
    if _nests_deeper_than(stripped, budget.current().limits.max_nesting):
        # Not an exec form either way (that is a flat array of strings), and decoding it would cost the JSON
        # decoder a recursion per level: read as the shell form, as BuildKit reads text that is not JSON.
        return None, False
    try:
        value, _ = _JSON.raw_decode(stripped)
    except ValueError:
        return None, False
    if not isinstance(value, list):
        return None, False
    if all(isinstance(item, str) for item in value):
        return value, False
    return None, True


def _nests_deeper_than(text: str, levels: int) -> bool:
    """Whether the JSON value at the start of ``text`` opens more than ``levels`` arrays or objects inside
    each other (strings skipped); read without recursion, up to the end of that value."""
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > levels:
                return True
        elif ch in "]}":
            depth -= 1
            if depth <= 0:
                return False
    return False


def _reject_constant(name: str) -> None:
    # Go's encoding/json has no NaN or Infinity: for BuildKit such text is not JSON at all.
    raise ValueError(name)


_JSON = json.JSONDecoder(parse_constant=_reject_constant)


class _LineIndex:
    """Line numbers (0-based, ascending) by text, for heredoc terminators.

    Each index is built on first use: most files need only ``exact``; the others serve `<<-` and the
    recovery from an unterminated heredoc.
    """

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    @cached_property
    def exact(self) -> dict[str, list[int]]:
        return _numbers_by_key(self.lines)

    @cached_property
    def chomped(self) -> dict[str, list[int]]:
        """Leading tabs removed (`<<-`)."""
        return _numbers_by_key([line.lstrip("\t") for line in self.lines])

    @cached_property
    def stripped(self) -> dict[str, list[int]]:
        """Blanks removed around each line."""
        return _numbers_by_key([line.strip() for line in self.lines])

    @cached_property
    def keyword_lines(self) -> list[int]:
        """Lines starting with an upper-case instruction keyword."""
        return [
            number
            for number, line in enumerate(self.lines)
            if line[:1].isupper() and line.split(None, 1)[0] in KNOWN_INSTRUCTIONS
        ]


def _numbers_by_key(keys: list[str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for number, key in enumerate(keys):
        index.setdefault(key, []).append(number)
    return index


def _first_at_or_after(numbers: list[int], first: int) -> int | None:
    position = bisect.bisect_left(numbers, first)
    return numbers[position] if position < len(numbers) else None


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        raw = text.split("\n")
        if text.endswith("\n"):
            raw.pop()
        # Heredoc bodies keep carriage returns as BuildKit does; everything else reads lines without them.
        self.raw_lines = raw
        self.lines = [line.rstrip("\r") for line in raw]
        self.bom = bool(self.lines) and self.lines[0].startswith("\ufeff")
        if self.bom:
            self.lines[0] = self.lines[0][1:]
        self.escape = "\\"
        self.directives: dict[str, Directive] = {}
        self.comments: list[Comment] = []
        self.errors: list[SyntaxProblem] = []
        self.over_limit: list[SyntaxProblem] = []
        self.empty_continuations: list[tuple[int, tuple[int, ...]]] = []
        self.instructions: list[Instruction] = []
        # Built on the first heredoc: finding terminators by lookup keeps many heredocs linear.
        self._lines_by_text: _LineIndex | None = None
        # The comments since the last instruction (see Instruction.prev_comments) and the shell pragma among them.
        self._pending_comments: list[str] = []
        self._pending_shell: str | None = None

    def column(self, line: int, index: int) -> int:
        """1-based column of the character at ``index`` of ``line`` (1-based), counting a stripped BOM.

        Columns index the text as given, so an edit computed from them applies to that same text.
        """
        return index + 1 + (1 if self.bom and line == 1 else 0)

    def error(self, span: Span, message: str) -> None:
        self.errors.append(SyntaxProblem(span, message))

    def parse(self, build: BuildOptions) -> Dockerfile:
        position = self._parse_directives()
        count = len(self.lines)
        while position < count:
            position = self._parse_line(position)
        self._check_directive()
        stages, global_args = assign_stages_and_scopes(
            self.instructions, self.errors, self.escape, self.over_limit, build.args
        )
        if not stages and not any(e.message.startswith("unknown instruction") for e in self.errors):
            last = max(len(self.lines), 1)
            self.error(Span(1, 1, last, 2), "the Dockerfile has no FROM instruction")
        return Dockerfile(
            text=self.text,
            lines=self.lines,
            instructions=self.instructions,
            stages=stages,
            global_args=global_args,
            directives=self.directives,
            comments=self.comments,
            errors=sorted(self.errors, key=lambda e: e.span),
            empty_continuations=self.empty_continuations,
            escape=self.escape,
            over_limit=self.over_limit,
            target=build.target,
        )

    # -- directives and comments -------------------------------------------------------------------

    def _parse_directives(self) -> int:
        """Read `# syntax=`, `# escape=` and `# check=` lines; only honoured before anything else,
        including a blank line or another comment."""
        for index, line in enumerate(self.lines):
            stripped = line.lstrip(GO_SPACE)
            match = _DIRECTIVE.match(stripped)
            name = match.group(1).lower() if match else ""
            if not match or name not in KNOWN_DIRECTIVES:
                return index
            self.comments.append(Comment(index + 1, stripped[1:]))
            value = match.group(2)
            value_column = self.column(index + 1, len(line) - len(stripped) + match.start(2))
            value_span = Span(index + 1, value_column, index + 1, value_column + len(value))
            if name in self.directives:
                self.error(value_span, f"only one {name} parser directive can be used")
                continue
            self.directives[name] = Directive(name, value, index + 1)
            if name == "escape":
                if value in ("\\", "`"):
                    self.escape = value
                else:
                    self.error(value_span, f"invalid escape token {value!r}: use \\ or `")
        return len(self.lines)

    def _check_directive(self) -> None:
        """BuildKit refuses to build a file whose `check` directive it cannot read."""
        found = file_check(self.lines)
        if found is None:
            return
        value, line = found
        try:
            parse_check_options(value)
        except InvalidCheckOptions as exc:
            start = self.lines[line - 1].find(value) + 1
            self.error(Span(line, start, line, start + len(value)), f"failed to parse check options: {exc}")

    def _trim_continuation(self, line: str) -> tuple[str, bool]:
        """BuildKit's trimContinuationCharacter: a trailing escape (blanks after it allowed) continues the
        line, unless it is itself escaped (``\\\\``)."""
        stripped = line.rstrip(" \t")
        escape = self.escape
        if stripped.endswith(escape) and not stripped.endswith(escape + escape):
            return stripped[:-1], True
        return line, False

    # -- instructions ------------------------------------------------------------------------------

    def _parse_line(self, index: int) -> int:
        line = self.lines[index]
        content = line.lstrip(GO_SPACE)
        if not content:
            return index + 1
        if content[0] == "#":
            self.comments.append(Comment(index + 1, content.strip()[1:]))
            # BuildKit trims the line after its first character, so an indented comment keeps its `#`.
            text = line[1:].strip()
            if text:
                self._pending_comments.append(text)
            else:
                self._pending_comments = []
            pragma = _SHELL_PRAGMA.fullmatch(content[1:])
            if pragma:
                self._pending_shell = pragma.group(1)
            return index + 1
        logical, next_index = self._join_continuations(index, len(line) - len(content), content)
        return self._build_instruction(logical, next_index)

    def _join_continuations(self, index: int, indent: int, content: str) -> tuple[_Logical, int]:
        source = SourceMap()
        piece, continues = self._trim_continuation(content)
        start = (index + 1, self.column(index + 1, indent))
        source.add(0, start[0], start[1], len(piece))
        if not continues:
            return _Logical(piece, source, index + 1, index + 1, start), index + 1
        parts = [piece]
        length = len(piece)
        last_line = index
        line_index = index + 1
        lines = self.lines
        empty: list[int] = []
        while continues and line_index < len(lines):
            line = lines[line_index]
            content = line.lstrip(GO_SPACE)
            if content.startswith("#"):
                # Inside a continuation, comment lines vanish (even one ending in the escape character).
                self.comments.append(Comment(line_index + 1, content.strip()[1:]))
            elif not content:
                # Skipped as well, with BuildKit's NoEmptyContinuation warning.
                empty.append(line_index + 1)
            else:
                piece, continues = self._trim_continuation(line)
                source.add(length, line_index + 1, self.column(line_index + 1, 0), len(piece))
                parts.append(piece)
                length += len(piece)
                last_line = line_index
            line_index += 1
        if empty:
            # BuildKit warns once, at the last line it read for the instruction.
            self.empty_continuations.append((line_index, tuple(empty)))
        return _Logical("".join(parts), source, index + 1, last_line + 1, start), line_index

    def _build_instruction(self, logical: _Logical, next_index: int) -> int:
        text = logical.text
        start = len(text) - len(text.lstrip(GO_SPACE))
        # Like BuildKit, trailing Unicode whitespace is trimmed before the keyword is cut off.
        keyword_end = min(_KEYWORD.match(text, start).end(), len(text.rstrip(GO_SPACE)))  # type: ignore[union-attr]
        keyword_text = text[start:keyword_end]
        keyword = keyword_text.upper()
        keyword_span = logical.source.span(start, keyword_end)
        comments, shell_pragma = tuple(self._pending_comments), self._pending_shell
        self._pending_comments, self._pending_shell = [], None
        if keyword not in KNOWN_INSTRUCTIONS:
            self.error(keyword_span, f"unknown instruction: {keyword_text}")
            return next_index
        rest_start = _SEPARATOR.match(text, keyword_end).end()  # type: ignore[union-attr]
        instruction = self._instruction(keyword, keyword_text, keyword_span, text, rest_start, logical)
        instruction.prev_comments, instruction.shell_pragma = comments, shell_pragma
        instruction.index = len(self.instructions)
        if instruction.trigger is not None:
            instruction.trigger.index = instruction.index
        self.instructions.append(instruction)
        holder = instruction.trigger if instruction.trigger is not None else instruction
        if holder.keyword in HEREDOC_INSTRUCTIONS and holder.json_args is None and "<<" in text:
            next_index = self._read_heredocs(instruction, holder, logical, next_index)
        return next_index

    def _instruction(
        self, keyword: str, keyword_text: str, keyword_span: Span, text: str, rest_start: int, logical: _Logical
    ) -> Instruction:
        """Split ``text[rest_start:]`` (what follows the keyword) into flags and arguments."""
        rest = text[rest_start:]
        raw_flags, arguments_start = split_flags(rest) if rest.startswith("--") else ([], 0)
        while arguments_start < len(rest) and rest[arguments_start] in GO_SPACE:
            arguments_start += 1
        source = logical.source
        flags = [self._flag(f, rest_start, source) for f in raw_flags]
        arguments = rest[arguments_start:].rstrip(GO_SPACE)
        arguments_map = source.shifted(rest_start + arguments_start)
        end_line, end_column = source.position(len(text.rstrip(GO_SPACE)) - 1)
        start_line, start_column = logical.start or (keyword_span.start_line, keyword_span.start_column)
        span = Span(start_line, start_column, end_line, end_column + 1)
        json_args = None
        if keyword in JSON_FORM_INSTRUCTIONS:
            json_args, not_strings = _json_array(arguments)
            if not_strings:
                self.error(arguments_map.span(0, len(arguments)), _NOT_STRINGS)
        instruction = Instruction(
            keyword=keyword,
            keyword_text=keyword_text,
            keyword_span=keyword_span,
            span=span,
            flags=flags,
            arguments=arguments,
            arguments_map=arguments_map,
            json_args=json_args,
            escape=self.escape,
            logical_text=text,
        )
        self._check_arguments(instruction)
        if keyword == "ONBUILD" and arguments:
            self._attach_trigger(instruction, logical)
        return instruction

    def _flag(self, raw: RawFlag, shift: int, source: SourceMap) -> Flag:
        name, eq, value = raw.word[2:].partition("=")
        has_value = 0 <= raw.value_start < raw.end
        return Flag(
            name=name.lower(),
            value=value if eq else None,
            span=source.span(shift + raw.start, shift + raw.end),
            value_span=source.span(shift + raw.value_start, shift + raw.end) if has_value else None,
            text=raw.text,
            word=raw.word,
        )

    # -- the checks BuildKit makes while parsing an instruction --------------------------------------

    def _check_arguments(self, instruction: Instruction) -> None:
        keyword, arguments = instruction.keyword, instruction.arguments
        if not arguments:
            if keyword in _REQUIRES_ARGUMENTS:
                self.error(instruction.keyword_span, f"{keyword} requires at least one argument")
            return
        if keyword in ("ENV", "LABEL"):
            self._check_pairs(instruction)
        elif keyword == "ARG":
            for pair in instruction.raw_pairs:
                if pair.has_value and not pair.key_text:
                    self.error(instruction.span_of(pair.key_start, pair.value_end), "ARG names can not be blank")
        elif keyword in ("COPY", "ADD"):
            count = (
                len(instruction.json_args)
                if instruction.json_args is not None
                else len(BUILDKIT_WHITESPACE.split(arguments))
            )
            if count < 2:
                self.error(
                    instruction.arguments_span, f"{keyword} requires at least two arguments: source and destination"
                )
        elif keyword == "SHELL" and instruction.json_args is None:
            self.error(instruction.arguments_span, 'SHELL requires the JSON form, e.g. SHELL ["/bin/bash", "-c"]')
        elif keyword == "HEALTHCHECK":
            self._check_healthcheck(instruction)

    def _check_pairs(self, instruction: Instruction) -> None:
        keyword = instruction.keyword
        pairs = instruction.raw_pairs
        if len(pairs) == 1 and pairs[0].legacy and not pairs[0].value_text:
            self.error(instruction.arguments_span, f"{keyword} must have two arguments: a name and a value")
            return
        if pairs and pairs[0].legacy:
            return
        for pair in pairs:
            if not pair.has_value:
                self.error(
                    instruction.span_of(pair.key_start, pair.key_end),
                    f"Syntax error - can't find = in {pair.key_text!r}. Must be of the form: name=value",
                )
            elif not pair.key_text:
                self.error(instruction.span_of(pair.key_start, pair.value_end), f"{keyword} names can not be blank")

    def _check_healthcheck(self, instruction: Instruction) -> None:
        words = instruction.arguments.split(None, 1)
        kind = words[0].upper()
        if kind == "NONE":
            if len(words) > 1:
                self.error(instruction.arguments_span, "HEALTHCHECK NONE takes no arguments")
        elif kind != "CMD":
            self.error(instruction.span_of(0, len(words[0])), f"unknown HEALTHCHECK type {words[0]!r}: use CMD or NONE")
        elif len(words) == 1:
            self.error(instruction.arguments_span, "HEALTHCHECK CMD needs a command")
        else:
            _, not_strings = _json_array(words[1])
            if not_strings:
                self.error(instruction.arguments_span, _NOT_STRINGS)

    # -- heredocs ----------------------------------------------------------------------------------

    def _read_heredocs(self, instruction: Instruction, holder: Instruction, logical: _Logical, index: int) -> int:
        """Read the bodies of every `<<NAME` of the instruction, in order, from the line after it."""
        words = heredoc_words(logical.text)
        for word in words or ():
            match = _HEREDOC_WORD.fullmatch(word.text)
            if not match or not match.group(3):
                continue
            raw_name = match.group(3)
            name = unquote(raw_name)
            quote_count = raw_name.count("'") + raw_name.count('"')
            if not name and quote_count == 0:
                continue
            quoted = name.count("'") + name.count('"') != quote_count
            marker_span = logical.source.span(word.start, word.end)
            heredoc, index = self._read_body(name, match.group(2) == "-", quoted, marker_span, index)
            # A descriptor is a small number; a run of digits Python would refuse to convert is none at all.
            digits = match.group(1) or "0"
            heredoc.file_descriptor = int(digits) if len(digits) <= 9 else -1
            holder.heredocs.append(heredoc)
        if holder is not instruction:
            instruction.heredocs = holder.heredocs
        if holder.heredocs:
            end = holder.heredocs[-1].span
            instruction.span = Span(
                instruction.span.start_line, instruction.span.start_column, end.end_line, end.end_column
            )
            if holder is not instruction:
                holder.span = Span(holder.span.start_line, holder.span.start_column, end.end_line, end.end_column)
        return index

    def _read_body(
        self, name: str, strip_tabs: bool, quoted: bool, marker_span: Span, first: int
    ) -> tuple[Heredoc, int]:
        end = self._terminator(name, strip_tabs, first)
        terminated = end is not None
        if end is None:
            end = self._recover_terminator(name, first)
            self.error(
                marker_span,
                f"heredoc <<{name} is never terminated: BuildKit reads to the end of the file; "
                f"end it with a line holding just {name}",
            )
        stop = min(end, len(self.lines))
        body_map = SourceMap()
        pieces: list[str] = []
        offset = 0
        for line_index in range(first, stop):
            raw = self.raw_lines[line_index]
            newline = "\n" if line_index + 1 < len(self.raw_lines) or self.text.endswith("\n") else ""
            body_map.add(offset, line_index + 1, self.column(line_index + 1, 0), len(raw) + len(newline))
            pieces.append(raw + newline)
            offset += len(raw) + len(newline)
        closing = end if terminated else stop - 1
        if closing < first:
            span = marker_span  # nothing follows the instruction: no body to point at
        else:
            span = Span(first + 1, 1, closing + 1, self.column(closing + 1, len(self.lines[closing])))
        heredoc = Heredoc(name, "".join(pieces), strip_tabs, quoted, marker_span, body_map, span, terminated)
        return heredoc, (end + 1 if terminated else stop)

    def _terminator(self, name: str, strip_tabs: bool, first: int) -> int | None:
        index = self._line_index().chomped if strip_tabs else self._line_index().exact
        return _first_at_or_after(index.get(name, []), first)

    def _recover_terminator(self, name: str, first: int) -> int:
        """Where an unterminated heredoc most likely ends, so the rest of the file is still linted: a line
        that is the terminator apart from blanks around it (kept in the body, as BuildKit would), or else the
        line before the next line that starts with an upper-case instruction keyword."""
        index = self._line_index()
        lookalike = _first_at_or_after(index.stripped.get(name, []), first)
        if lookalike is not None:
            return lookalike + 1
        keyword_line = _first_at_or_after(index.keyword_lines, first)
        return keyword_line if keyword_line is not None else len(self.lines)

    def _line_index(self) -> _LineIndex:
        if self._lines_by_text is None:
            self._lines_by_text = _LineIndex(self.lines)
        return self._lines_by_text

    # -- ONBUILD -----------------------------------------------------------------------------------

    def _attach_trigger(self, onbuild: Instruction, logical: _Logical) -> None:
        text = onbuild.arguments
        keyword_end = _KEYWORD.match(text).end()  # type: ignore[union-attr]
        keyword_text = text[:keyword_end]
        keyword = keyword_text.upper()
        keyword_span = onbuild.span_of(0, keyword_end)
        if keyword not in KNOWN_INSTRUCTIONS:
            self.error(keyword_span, f"unknown instruction in ONBUILD: {keyword_text}")
            return
        if keyword in _FORBIDDEN_TRIGGERS:
            self.error(keyword_span, f"{keyword} is not allowed as an ONBUILD trigger")
            return
        rest_start = _SEPARATOR.match(text, keyword_end).end()  # type: ignore[union-attr]
        trigger_logical = _Logical(text, onbuild.arguments_map, logical.first_line, logical.last_line)
        trigger = self._instruction(keyword, keyword_text, keyword_span, text, rest_start, trigger_logical)
        trigger.parent = onbuild
        onbuild.trigger = trigger
