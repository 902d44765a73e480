"""The parsed Dockerfile: instructions with exact positions, stages, and variable scopes.

Rules ask this model questions ("the resolved image of this stage", "the flags of this COPY", "the
commands of this RUN") instead of re-reading text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from dockwright.dockerfile.image import ImageRef, parse_image
from dockwright.dockerfile.shell import ShellCommand, ShellScript, script_of
from dockwright.dockerfile.source_map import SourceMap
from dockwright.dockerfile.variables import Expansion, expand
from dockwright.dockerfile.words import RawPair, split_pairs, split_words
from dockwright.findings import Span

if TYPE_CHECKING:
    from dockwright.pragmas import Pragma

# Instructions whose arguments are a command run by the shell (in shell form) or exec'd (JSON form).
COMMAND_INSTRUCTIONS = ("RUN", "CMD", "ENTRYPOINT")
KNOWN_INSTRUCTIONS = frozenset(
    [
        "ADD",
        "ARG",
        "CMD",
        "COPY",
        "ENTRYPOINT",
        "ENV",
        "EXPOSE",
        "FROM",
        "HEALTHCHECK",
        "LABEL",
        "MAINTAINER",
        "ONBUILD",
        "RUN",
        "SHELL",
        "STOPSIGNAL",
        "USER",
        "VOLUME",
        "WORKDIR",
    ]
)


@dataclass
class Word:
    text: str  # as written
    value: str  # quotes removed
    span: Span


@dataclass
class Flag:
    name: str  # without the leading dashes, lower case
    value: str | None
    span: Span
    value_span: Span | None
    text: str = ""  # as written, e.g. `--chown="app user"`
    # As BuildKit reads it: quotes removed and backslash escapes resolved, e.g. `--chown=app user`.
    word: str = ""

    def options(self) -> dict[str, str]:
        """``--mount=type=cache,target=/root/.cache`` → ``{"type": "cache", "target": "/root/.cache"}``."""
        options: dict[str, str] = {}
        for part in (self.value or "").split(","):
            key, _, value = part.partition("=")
            if key.strip():
                options[key.strip().lower()] = value.strip()
        return options


@dataclass
class KeyValue:
    key: str
    value: str
    key_span: Span
    value_span: Span
    legacy: bool
    has_value: bool
    key_text: str = ""  # as written, quotes included
    value_text: str = ""  # as written, quotes included


@dataclass
class Heredoc:
    name: str
    body: str
    # `<<-EOF` strips leading tabs from body lines and the terminator.
    strip_tabs: bool
    # `<<"EOF"` / `<<'EOF'`: no variable expansion inside the body.
    quoted: bool
    marker_span: Span
    # Line of the first body line; the body's map points into the original file.
    body_map: SourceMap
    # Whole extent: from the first body line through the terminator line.
    span: Span
    terminated: bool = True
    # `3<<EOF` feeds file descriptor 3; 0 (stdin) when no number is written.
    file_descriptor: int = 0

    @property
    def expands(self) -> bool:
        """BuildKit substitutes build variables in the body unless the name was quoted."""
        return not self.quoted

    @property
    def script(self) -> str:
        """The body as the command receives it: with `<<-`, leading tabs removed from every line."""
        if not self.strip_tabs:
            return self.body
        return "\n".join(line.lstrip("\t") for line in self.body.split("\n"))


@dataclass
class Instruction:
    keyword: str  # upper case
    keyword_text: str  # as written
    keyword_span: Span
    span: Span  # the whole instruction, heredoc bodies included
    flags: list[Flag]
    arguments: str  # the argument text after the flags, continuation lines joined
    arguments_map: SourceMap
    json_args: list[str] | None  # exec form
    heredocs: list[Heredoc] = field(default_factory=list)
    escape: str = "\\"
    index: int = 0  # position among all instructions of the file
    stage: Stage | None = None
    trigger: Instruction | None = None  # the instruction inside ONBUILD
    parent: Instruction | None = None  # the ONBUILD holding this trigger
    # Set by the parser: the variables (ARG and ENV) visible when this instruction runs.
    scope: dict[str, str | None] = field(default_factory=dict)
    # The instruction as one line, as BuildKit reads it: continuation lines joined (escape character
    # removed), comment lines dropped, heredoc bodies excluded.
    logical_text: str = ""
    # Set by the parser: the SHELL in effect (the stage's last SHELL before this instruction, inherited
    # through `FROM <stage>`); None means the default ["/bin/sh", "-c"].
    shell_argv: list[str] | None = None
    # The comment lines BuildKit attaches to the instruction (its PrevComment): those since the previous
    # instruction, each without `#` and blanks around it (an indented comment keeps its `#`), restarting after
    # a comment line holding only `#`; blank lines do not separate them, parser directives are not among them.
    # BuildKit reads `# check=` and description comments from them.
    prev_comments: tuple[str, ...] = ()
    # The shell a `# hadolint shell=NAME` comment before the instruction names (since the previous instruction).
    shell_pragma: str | None = None

    @property
    def line(self) -> int:
        return self.span.start_line

    @property
    def is_exec_form(self) -> bool:
        return self.json_args is not None

    @property
    def arguments_span(self) -> Span:
        if not self.arguments:
            return self.keyword_span
        return self.arguments_map.span(0, len(self.arguments))

    def span_of(self, start: int, end: int) -> Span:
        """The source span of ``arguments[start:end]``."""
        return self.arguments_map.span(start, end)

    def flag(self, name: str) -> Flag | None:
        return next((f for f in self.flags if f.name == name), None)

    def flags_named(self, name: str) -> list[Flag]:
        return [f for f in self.flags if f.name == name]

    @cached_property
    def words(self) -> list[Word]:
        return [Word(w.text, w.value, self.span_of(w.start, w.end)) for w in split_words(self.arguments, self.escape)]

    @cached_property
    def pairs(self) -> list[KeyValue]:
        """ENV / LABEL / ARG arguments as key-value pairs."""
        return [self._pair(p) for p in self.raw_pairs]

    @cached_property
    def raw_pairs(self) -> list[RawPair]:
        """The pairs with offsets into ``arguments`` instead of spans (cheaper; what the parser uses)."""
        return split_pairs(self.arguments, self.escape, self.keyword == "ARG")

    def _pair(self, p: RawPair) -> KeyValue:
        key_span = self.span_of(p.key_start, p.key_end)
        value_span = self.span_of(p.value_start, p.value_end) if p.value_end > p.value_start else key_span
        return KeyValue(p.key, p.value, key_span, value_span, p.legacy, p.has_value, p.key_text, p.value_text)

    def expand(self, text: str) -> Expansion:
        """Substitute the variables in scope at this instruction."""
        return expand(text, self.scope, self.escape)

    @cached_property
    def shell(self) -> ShellScript | None:
        """The parsed shell script of a shell-form RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD."""
        return script_of(self)

    @property
    def command_text(self) -> str:
        """What the instruction runs, as one string (the exec form joined by spaces)."""
        if self.json_args is not None:
            return " ".join(self.json_args)
        return self.arguments


@dataclass
class Stage:
    index: int
    from_instruction: Instruction
    name: str | None
    name_span: Span | None
    # `AS` as written, to compare its casing with FROM's.
    as_text: str | None
    image_text: str  # as written
    image_span: Span
    image: ImageRef | None  # after ARG substitution; None when a variable stayed unresolved
    unresolved: list[str] = field(default_factory=list)
    instructions: list[Instruction] = field(default_factory=list)
    # The earlier stage this one builds on (`FROM builder`), if any.
    base_stage: Stage | None = None

    def named(self, keyword: str) -> list[Instruction]:
        return [i for i in self.instructions if i.keyword == keyword]

    @property
    def lineage(self) -> list[Stage]:
        """This stage and the stages it builds on, nearest first."""
        chain: list[Stage] = []
        seen: set[int] = set()
        stage: Stage | None = self
        while stage is not None and stage.index not in seen:
            seen.add(stage.index)
            chain.append(stage)
            stage = stage.base_stage
        return chain

    @property
    def root_image(self) -> ImageRef | None:
        """The external image at the bottom of this stage's lineage."""
        return self.lineage[-1].image


@dataclass
class SyntaxProblem:
    span: Span
    message: str


@dataclass
class Directive:
    name: str
    value: str
    line: int


@dataclass
class Comment:
    line: int
    text: str  # without the leading `#`


@dataclass
class Dockerfile:
    text: str
    lines: list[str]
    instructions: list[Instruction]
    stages: list[Stage]
    global_args: list[Instruction]  # ARGs before the first FROM
    directives: dict[str, Directive]
    comments: list[Comment]
    errors: list[SyntaxProblem]
    # The empty lines a continuation joined across (BuildKit's NoEmptyContinuation), per instruction, each
    # group with the line BuildKit reports it at: the last line it read for the instruction.
    empty_continuations: list[tuple[int, tuple[int, ...]]]
    escape: str = "\\"
    # Parts of the file left unresolved because they went over a limit of the analysis' budget
    # (:mod:`dockwright.budget`), each at the line that caused it.
    over_limit: list[SyntaxProblem] = field(default_factory=list)
    # The stage built (`docker build --target`); None builds the last one.
    target: str | None = None
    # Answers of the query layer that many rules ask alike, by question: the model does not change once parsed.
    answers: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def final_stage(self) -> Stage | None:
        """The stage that becomes the image: the target stage when one is given (and defined), else the last."""
        if self.target:
            stage = self.stage_named(self.target)
            if stage is not None:
                return stage
        return self.stages[-1] if self.stages else None

    def stage_named(self, name: str) -> Stage | None:
        lowered = name.lower()
        return next((s for s in self.stages if s.name and s.name.lower() == lowered), None)

    def all_instructions(self) -> list[Instruction]:
        """Every instruction including ONBUILD triggers (one shared list: do not modify it)."""
        return self._all_instructions

    # The parsed model is not changed after parsing, so the answers below are computed once per file
    # instead of once per rule that asks (some forty rules walk the instructions or the RUN commands).

    @cached_property
    def _all_instructions(self) -> list[Instruction]:
        out: list[Instruction] = []
        for instruction in self.instructions:
            out.append(instruction)
            if instruction.trigger is not None:
                out.append(instruction.trigger)
        return out

    @cached_property
    def instructions_by_keyword(self) -> dict[str, list[Instruction]]:
        """:meth:`all_instructions` grouped by keyword (each list in order; shared: do not modify them)."""
        index: dict[str, list[Instruction]] = {}
        for instruction in self._all_instructions:
            index.setdefault(instruction.keyword, []).append(instruction)
        return index

    @cached_property
    def variable_names(self) -> frozenset[str]:
        """Every name an ARG or ENV of the file sets, in any stage (ONBUILD triggers included)."""
        keywords = self.instructions_by_keyword
        return frozenset(p.key for k in ("ARG", "ENV") for i in keywords.get(k, ()) for p in i.raw_pairs)

    @cached_property
    def run_scripts(self) -> list[tuple[Instruction, ShellScript]]:
        """Shell-form RUN instructions (ONBUILD triggers included) with their parsed scripts, in order."""
        return [(i, i.shell) for i in self._all_instructions if i.keyword == "RUN" and i.shell is not None]

    @cached_property
    def run_commands(self) -> list[tuple[Instruction, ShellCommand]]:
        """Every simple command of :attr:`run_scripts`, with its instruction, in order."""
        return [(instruction, command) for instruction, script in self.run_scripts for command in script.all_commands]

    @cached_property
    def run_commands_by_program(self) -> dict[str, list[tuple[Instruction, ShellCommand]]]:
        """:attr:`run_commands` grouped by program (each list in order)."""
        index: dict[str, list[tuple[Instruction, ShellCommand]]] = {}
        for pair in self.run_commands:
            index.setdefault(pair[1].program, []).append(pair)
        return index

    def pragma_scope(self, pragma: Pragma) -> tuple[int, int] | None:
        """A `# dockwright ignore=` comment applies to the instruction that follows it; a `stage ignore=` one
        from there to the end of that instruction's stage (the stage it opens, for a FROM)."""
        if pragma.scope is not None:
            return pragma.scope
        index = bisect.bisect_right(self._instruction_lines, pragma.line)
        if index == len(self.instructions):
            return None
        following = self.instructions[index]
        span = following.span
        stage = following.stage or (self.stages[0] if pragma.stage and self.stages else None)
        if pragma.stage and stage is not None:
            return (span.start_line, stage.instructions[-1].span.end_line)
        return (span.start_line, span.end_line)

    @cached_property
    def _instruction_lines(self) -> list[int]:
        """The first line of each instruction, in order: a file of thousands of pragmas finds each one's
        instruction by bisection."""
        return [instruction.span.start_line for instruction in self.instructions]


def image_of(text: str) -> ImageRef | None:
    text = text.strip()
    if not text or "$" in text:
        return None
    return parse_image(text)
