"""Shell analysis of RUN, CMD, ENTRYPOINT and HEALTHCHECK with tree-sitter-bash.

Rules get every simple command (through `&&`, `||`, `;`, pipes, subshells, `if`, `case`, `[[ ]]`, command
substitutions and heredoc bodies run by a shell) with its words and flags, each word positioned in the
Dockerfile's own lines and columns.
"""

from __future__ import annotations

import posixpath
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import tree_sitter
import tree_sitter_bash

from dockwright.dockerfile.source_map import SourceMap
from dockwright.findings import Span

if TYPE_CHECKING:
    from dockwright.dockerfile.model import Heredoc, Instruction

# The shells whose scripts the shell rules and ShellCheck read (a SHELL of another, such as PowerShell or cmd, makes
# them stand down).
POSIX_SHELLS = frozenset({"sh", "bash", "ash", "dash", "zsh", "ksh", "mksh", "busybox"})

_BASH = tree_sitter.Language(tree_sitter_bash.language())
_PARSER = tree_sitter.Parser(_BASH)
# Found by tree-sitter itself: walking every node of a long script from Python costs ten times more.
_PIPELINES = tree_sitter.Query(_BASH, "(pipeline) @pipeline")
_LITERAL_NODES = frozenset({"word", "number", "raw_string", "string", "concatenation", "string_content"})
_DYNAMIC_NODES = frozenset(
    {"simple_expansion", "expansion", "command_substitution", "arithmetic_expansion", "process_substitution"}
)


@dataclass(frozen=True)
class ShellWord:
    raw: str  # as written, quotes included
    value: str  # quotes removed; expansions kept as written
    # False when the word contains an expansion or substitution (its value is not known statically).
    literal: bool
    start: int  # character offsets in the script's text (end exclusive)
    end: int
    source: SourceMap = field(compare=False, repr=False)

    @cached_property
    def span(self) -> Span:
        # Computed on demand: most words are only ever read for their value.
        return self.source.span(self.start, self.end)

    @property
    def is_flag(self) -> bool:
        return self.value.startswith("-") and self.value != "-" and self.literal


def has_flag(args: Iterable[ShellWord], *names: str) -> bool:
    """True when any of ``names`` is among ``args``: long flags exactly (or ``--name=value``), short flags also
    inside a cluster such as ``-qy``."""
    for arg in args:
        if not arg.literal or not arg.value.startswith("-"):
            continue
        for name in names:
            if name.startswith("--"):
                if arg.value == name or arg.value.startswith(name + "="):
                    return True
            elif (len(name) == 2 and not arg.value.startswith("--") and name[1] in arg.value[1:]) or arg.value == name:
                return True
    return False


@dataclass(frozen=True)
class ShellCommand:
    name: ShellWord
    args: tuple[ShellWord, ...]
    start: int  # character offsets in the script's text (end exclusive)
    end: int
    source: SourceMap = field(compare=False, repr=False)
    # Leading `VAR=value` assignments: `DEBIAN_FRONTEND=noninteractive apt-get ...`.
    assignments: tuple[tuple[str, str], ...] = ()

    @cached_property
    def span(self) -> Span:
        return self.source.span(self.start, self.end)

    @cached_property
    def program(self) -> str:
        """The command's base name: ``apt-get`` for ``/usr/bin/apt-get``."""
        return posixpath.basename(self.name.value)

    @property
    def words(self) -> tuple[ShellWord, ...]:
        return (self.name, *self.args)

    def has_flag(self, *names: str) -> bool:
        """True when any of ``names`` is given (see :func:`has_flag`)."""
        return has_flag(self.args, *names)

    def flag(self, *names: str) -> ShellWord | None:
        """The word of the first matching flag."""
        for arg in self.args:
            for name in names:
                if arg.value == name or (name.startswith("--") and arg.value.startswith(name + "=")):
                    return arg
        return None


@dataclass
class ShellScript:
    text: str
    source: SourceMap
    tree: tree_sitter.Tree
    commands: list[ShellCommand] = field(default_factory=list)
    # Scripts run by a shell from heredoc bodies (`RUN <<EOF`, `RUN bash <<EOF`).
    children: list[ShellScript] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.tree.root_node.has_error)

    @cached_property
    def all_commands(self) -> list[ShellCommand]:
        """Commands of this script and of the heredoc scripts it runs, in source order."""
        if not self.children:
            # One text, one source map, which keeps the text's order: offsets order them as spans would.
            return sorted(self.commands, key=lambda c: (c.start, c.end))
        commands = list(self.commands)
        for child in self.children:
            commands.extend(child.all_commands)
        return sorted(commands, key=lambda c: c.span)

    @cached_property
    def pipelines(self) -> list[tree_sitter.Node]:
        """Every `a | b` of the script, nested ones included, in source order (a pipeline before those inside it).
        Heredoc scripts it runs are not included."""
        if "|" not in self.text and not self.has_errors:
            return []  # a correct tree has no zero-width `|`: no pipeline can be in it
        found = tree_sitter.QueryCursor(_PIPELINES).captures(self.tree.root_node).get("pipeline", [])
        return sorted(found, key=lambda node: (node.start_byte, -node.end_byte))

    def commands_named(self, *programs: str) -> list[ShellCommand]:
        return [c for c in self.all_commands if c.program in programs]

    @cached_property
    def assignments(self) -> list[tuple[str, int]]:
        """The variables this script sets itself, each with the offset where it does: `NAME=value` statements
        and `export`, `declare`, `local` or `readonly` ones (a command's own `NAME=value` prefix is in its
        :attr:`ShellCommand.assignments`). Heredoc scripts it runs are not included."""
        text = _Text(self.text, self.text.encode("utf-8"))
        found = []
        stack = [self.tree.root_node]
        while stack:
            node = stack.pop()
            if node.type == "variable_assignment" and node.parent is not None and node.parent.type != "command":
                start = node.start_byte
                found.append(
                    (text.node(node.child_by_field_name("name")), text.to_char[start] if text.to_char else start)
                )
            elif node.type == "declaration_command":
                for child in node.children:
                    if child.type == "variable_name":
                        start = child.start_byte
                        found.append((text.node(child), text.to_char[start] if text.to_char else start))
            stack.extend(reversed(node.children))
        return found

    def sets_before(self, name: str, offset: int) -> bool:
        """Whether the script sets (or exports) the variable ``name`` before ``offset``."""
        return any(assigned == name and start < offset for assigned, start in self.assignments)


def parse_script(text: str, source: SourceMap) -> ShellScript:
    tree, commands = _parsed(text)
    script = ShellScript(text, source, tree)
    script.commands = [command.placed(source) for command in commands]
    return script


# A tree costs about fifty times its text in memory (200 KB for a 4 KB script): the cache is bounded by
# the text it holds, so that a long-running server that parses anyone's scripts keeps a few tens of MB.
_CACHED_TEXT_CHARS = 512 * 1024
_CACHED_SCRIPT_CHARS = 16 * 1024
_trees: OrderedDict[str, tuple[tree_sitter.Tree, tuple[_Command, ...]]] = OrderedDict()
_trees_chars = 0
_trees_lock = threading.Lock()


def _parsed(text: str) -> tuple[tree_sitter.Tree, tuple[_Command, ...]]:
    """The syntax tree and commands of a script text, by offsets: files share most RUN lines, so each text
    is parsed and walked once however many instructions run it (trees are never modified)."""
    global _trees_chars
    with _trees_lock:
        found = _trees.get(text)
        if found is not None:
            _trees.move_to_end(text)
            return found
    data = text.encode("utf-8")
    tree = _PARSER.parse(data)
    parsed = tree, tuple(_commands(tree.root_node, _Text(text, data)))
    if len(text) <= _CACHED_SCRIPT_CHARS:
        with _trees_lock:
            if text not in _trees:
                _trees[text] = parsed
                _trees_chars += len(text)
            while _trees_chars > _CACHED_TEXT_CHARS:
                oldest, _ = _trees.popitem(last=False)
                _trees_chars -= len(oldest)
    return parsed


@dataclass(frozen=True, slots=True)
class _Word:
    raw: str
    value: str
    literal: bool
    start: int
    end: int

    def placed(self, source: SourceMap) -> ShellWord:
        return ShellWord(self.raw, self.value, self.literal, self.start, self.end, source)


@dataclass(frozen=True, slots=True)
class _Command:
    name: _Word
    args: tuple[_Word, ...]
    start: int
    end: int
    assignments: tuple[tuple[str, str], ...]

    def placed(self, source: SourceMap) -> ShellCommand:
        args = tuple(arg.placed(source) for arg in self.args)
        return ShellCommand(self.name.placed(source), args, self.start, self.end, source, self.assignments)


class _Text:
    """The script's text by tree-sitter's byte offsets."""

    __slots__ = ("data", "text", "to_char")

    def __init__(self, text: str, data: bytes) -> None:
        self.text = text
        self.data = data
        # Offsets from tree-sitter are bytes; for non-ASCII text, a table maps them to characters.
        self.to_char = _byte_to_char(text, data)

    def slice(self, start: int, end: int) -> str:
        if self.to_char is None:
            # ASCII: bytes and characters coincide, and slicing the str spares an encode round trip.
            return self.text[start:end]
        return self.data[start:end].decode("utf-8", "replace")

    def node(self, node: tree_sitter.Node | None) -> str:
        if node is None:
            return ""
        return self.slice(node.start_byte, node.end_byte)


def _byte_to_char(text: str, data: bytes) -> list[int] | None:
    """None for ASCII text (byte offsets are character offsets), else a byte → character table."""
    if len(data) == len(text):
        return None
    table = [0] * (len(data) + 1)
    position = 0
    for index, char in enumerate(text):
        size = len(char.encode("utf-8"))
        for k in range(size):
            table[position + k] = index
        position += size
    table[len(data)] = len(text)
    return table


def _commands(root: tree_sitter.Node, text: _Text) -> list[_Command]:
    to_char = text.to_char

    def offsets(node: tree_sitter.Node) -> tuple[int, int]:
        start, end = node.start_byte, node.end_byte
        if to_char is not None:
            return to_char[start], to_char[end]
        return start, end

    def word(node: tree_sitter.Node) -> _Word:
        raw = text.node(node)
        inner: tree_sitter.Node | None = node
        if node.type == "command_name" and node.child_count == 1:
            inner = node.child(0)  # a command name has the value and literalness of its only part
        if inner is not None and inner.type == "word":
            # The common case, answered as _value and _is_literal would without walking the node again.
            value = _unescape(raw if inner is node else text.node(inner))
            literal = inner.child_count == 0 or _is_literal(inner)
        else:
            value, literal = _value(node, text), _is_literal(node)
        return _Word(raw, value, literal, *offsets(node))

    def joined(nodes: list[tree_sitter.Node]) -> _Word:
        """One shell word that tree-sitter split into touching nodes (`${V}\\*` parses as two)."""
        if len(nodes) == 1:
            return word(nodes[0])
        parts = [word(n) for n in nodes]
        raw = text.slice(nodes[0].start_byte, nodes[-1].end_byte)
        value = "".join(p.value for p in parts)
        return _Word(raw, value, all(p.literal for p in parts), parts[0].start, parts[-1].end)

    commands: list[_Command] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "command":
            name_node = node.child_by_field_name("name")
            if name_node is not None:
                args = tuple(joined(group) for group in _touching(node.children_by_field_name("argument")))
                assignments = tuple(
                    (text.node(a.child_by_field_name("name")), text.node(a.child_by_field_name("value")))
                    for a in node.children
                    if a.type == "variable_assignment"
                )
                commands.append(_Command(word(name_node), args, *offsets(node), assignments))
        stack.extend(reversed(node.children))
    return commands


def _touching(nodes: list[tree_sitter.Node]) -> list[list[tree_sitter.Node]]:
    """Group argument nodes with no whitespace between them: together they are one word to the shell."""
    groups: list[list[tree_sitter.Node]] = []
    for node in nodes:
        if groups and groups[-1][-1].end_byte == node.start_byte:
            groups[-1].append(node)
        else:
            groups.append([node])
    return groups


def _value(node: tree_sitter.Node, text: _Text) -> str:
    kind = node.type
    raw = text.node(node)
    if kind == "raw_string":
        return raw[1:-1]
    if kind == "string":
        inner = raw[1:-1] if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2 else raw
        return inner.replace('\\"', '"').replace("\\\\", "\\").replace("\\$", "$")
    if kind in ("concatenation", "command_name"):
        return "".join(_value(child, text) for child in node.children) if node.children else raw
    if kind == "word":
        return _unescape(raw)
    return raw


def _unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw
    out, i = [], 0
    while i < len(raw):
        if raw[i] == "\\" and i + 1 < len(raw):
            i += 1
        out.append(raw[i])
        i += 1
    return "".join(out)


def _is_literal(node: tree_sitter.Node) -> bool:
    if node.type in _DYNAMIC_NODES:
        return False
    return all(_is_literal(child) for child in node.children)


# -- from instructions -----------------------------------------------------------------------------


def active_shell(instruction: Instruction) -> list[str]:
    """The shell a shell-form instruction runs with: the stage's last SHELL before it, or /bin/sh -c.

    The parser records it on each instruction (a scan per instruction would make long files quadratic)."""
    return instruction.shell_argv or ["/bin/sh", "-c"]


def is_posix_shell(shell: list[str]) -> bool:
    return bool(shell) and posixpath.basename(shell[0]).removesuffix(".exe") in POSIX_SHELLS


def script_of(instruction: Instruction) -> ShellScript | None:
    """The shell script a shell-form instruction runs, or None (exec form, non-POSIX SHELL, NONE)."""
    if instruction.json_args is not None or not is_posix_shell(active_shell(instruction)):
        return None
    text, source = instruction.arguments, instruction.arguments_map
    if instruction.keyword == "HEALTHCHECK":
        words = instruction.words
        if not words or words[0].value.upper() != "CMD":
            return None
        start = instruction.arguments.find(words[0].text) + len(words[0].text)
        while start < len(text) and text[start] in " \t":
            start += 1
        text, source = text[start:], source.shifted(start)
        if text.strip().startswith("["):
            return None
    elif instruction.keyword not in ("RUN", "CMD", "ENTRYPOINT"):
        return None
    if not instruction.heredocs:
        return parse_script(text, source)
    return _script_with_heredocs(text, source, instruction.heredocs)


def _script_with_heredocs(text: str, source: SourceMap, heredocs: list[Heredoc]) -> ShellScript:
    """`RUN <<EOF` runs the body itself; `RUN bash <<EOF` feeds it to a shell: both bodies are shell."""
    markers_only = all(w.startswith("<<") or w[:1].isdigit() for w in text.split())
    if markers_only:
        first, *rest = heredocs
        script = _heredoc_script(first) or parse_script("", SourceMap())
        script.children.extend(s for s in (_heredoc_script(h) for h in rest) if s is not None)
        return script
    pieces = [text, "\n"]
    combined = _concat_maps(source, len(text))
    offset = len(text) + 1
    for heredoc in heredocs:
        for off, line, column in zip(
            heredoc.body_map.offsets, heredoc.body_map.lines, heredoc.body_map.columns, strict=True
        ):
            combined.add(offset + off, line, column, 1)
        pieces.append(heredoc.body)
        offset += len(heredoc.body)
        pieces.append(heredoc.name + "\n")
        combined.add(offset, heredoc.span.end_line, 1, len(heredoc.name) + 1)
        offset += len(heredoc.name) + 1
    combined.length = offset
    script = parse_script("".join(pieces), combined)
    shell_command = next((c for c in script.commands if c.program in POSIX_SHELLS and not c.has_flag("-c")), None)
    if shell_command is not None:
        script.children.extend(s for s in (_heredoc_script(h) for h in heredocs) if s is not None)
    return script


def _concat_maps(source: SourceMap, length: int) -> SourceMap:
    combined = SourceMap()
    for off, line, column in zip(source.offsets, source.lines, source.columns, strict=True):
        combined.add(off, line, column, 1)
    combined.length = length + 1
    return combined


def _heredoc_script(heredoc: Heredoc) -> ShellScript | None:
    first_line = heredoc.body.split("\n", 1)[0]
    if (
        first_line.startswith("#!")
        and posixpath.basename(first_line[2:].split()[-1] if first_line[2:].split() else "") not in POSIX_SHELLS
    ):
        return None
    return parse_script(heredoc.body, heredoc.body_map)
