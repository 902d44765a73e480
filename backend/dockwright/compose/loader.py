"""YAML text → :mod:`dockwright.compose.nodes` tree, within limits.

We build the tree from ruamel.yaml's event stream ourselves rather than with its composer, for three
reasons: every node keeps the span of its text; merge keys and duplicate keys are handled the way
Compose (go-yaml v3) handles them; and the limits below are checked while the tree grows, so a hostile
file (a billion-laughs alias bomb, ten thousand nested brackets, megabytes of text) ends in a clear
problem instead of a hang, a MemoryError or a RecursionError. The loop is iterative, so depth never
touches Python's recursion limit.
"""

from __future__ import annotations

import bisect
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

# For type hints: PyYAML's events have the same names and attributes.
from ruamel.yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent

from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence
from dockwright.findings import Span

# Real compose files stay well under 100 KB; the pure-Python YAML scanner needs about a second per MB.
MAX_CHARS = 500_000
MAX_NODES = 100_000
MAX_DEPTH = 100

_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)+")
_STR_TAGS = ("tag:yaml.org,2002:str", "!!str")
# PyYAML's binding of libyaml, when it was built with it (the wheels are).
_LIBYAML_LOADER = getattr(pyyaml, "CSafeLoader", None)
_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_SPECIAL_FLOATS = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


@dataclass(frozen=True)
class Problem:
    """Why (part of) the text could not be loaded; ``limit`` marks a limit rather than a syntax error."""

    span: Span
    message: str
    limit: bool = False


@dataclass
class LoadResult:
    root: Node | None
    problems: list[Problem] = field(default_factory=list)


class LimitExceeded(Exception):
    def __init__(self, span: Span, message: str) -> None:
        super().__init__(message)
        self.span = span
        self.message = message


def load(text: str) -> LoadResult:
    """Load the first YAML document of ``text``; never raises."""
    if len(text) > MAX_CHARS:
        message = f"the file has {len(text):,} characters; Dockwright analyses compose files up to {MAX_CHARS:,}"
        return LoadResult(None, [Problem(Span(1, 1, 1, 2), message, limit=True)])
    too_deep = _flow_nesting_beyond_limit(text)
    if too_deep is not None:
        message = f"the YAML nests deeper than {MAX_DEPTH} levels"
        return LoadResult(None, [Problem(Span(*too_deep, too_deep[0], too_deep[1] + 1), message, limit=True)])
    builder = _Builder(text)
    try:
        try:
            builder.run(pure=False)
        except (YAMLError, pyyaml.YAMLError, ValueError, TypeError, IndexError, AttributeError, RecursionError):
            # libyaml follows YAML 1.1, stricter than Compose's YAML in places: the pure parser decides, and
            # its error messages and positions are the ones Dockwright reports.
            builder = _Builder(text)
            builder.run(pure=True)
    except LimitExceeded as exc:
        return LoadResult(None, [Problem(exc.span, exc.message, limit=True)])
    except MarkedYAMLError as exc:
        return LoadResult(None, [_syntax_problem(exc)])
    except (YAMLError, ValueError, TypeError, IndexError, AttributeError, RecursionError) as exc:
        # ruamel raises a few bare errors on exotic input (e.g. a stray BOM mid-stream); report, never crash.
        return LoadResult(None, [Problem(Span(1, 1, 1, 2), f"invalid YAML: {exc}")])
    return LoadResult(builder.root, builder.problems)


def _flow_nesting_beyond_limit(text: str) -> tuple[int, int] | None:
    """Where `[`/`{` brackets of flow collections nest deeper than the limit, found before parsing.

    ruamel's scanner looks ahead over a whole run of nested flow collections (each bracket might open a
    mapping key) at a cost quadratic in the depth, so the limit must be enforced before it starts. Only
    brackets that open or close a flow collection count: those in quoted strings, comments, block scalars
    (`command: |`) and plain scalars (`command: echo [x]`, with their continuation lines) do not. The scan
    follows YAML's layout line by line without parsing (indentation, keys, sequence entries, quotes);
    the parser enforces the limit too, so a bracket the scan misses only costs time.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None  # cannot nest deeper: most files stop here, at C speed
    scanner = _FlowScanner()
    for number, line in enumerate(text.split("\n"), start=1):
        found = scanner.line(line[:-1] if line.endswith("\r") else line)
        if found is not None:
            return number, found + 1
    return None


# Where a plain scalar ends on its line in block context: `: ` makes it a mapping key, ` #` a comment.
_PLAIN_END = re.compile(r":(?=[ \t]|\Z)|(?<=[ \t])#")
_KEY_AFTER = re.compile(r"[ \t]*:(?=[ \t]|\Z)")
_FLOW_SPECIAL = re.compile(r"[\[\]{}'\"#]")
_NODE_STARTS = ("[", "{", ",", ":", "?")


class _FlowScanner:
    """The state :func:`_flow_nesting_beyond_limit` carries from line to line."""

    def __init__(self) -> None:
        self.depth = 0  # open flow collections
        self.quote = ""  # the quote of a quoted scalar still open at the end of the previous line
        # Lines more indented than this (and blank lines) continue a block scalar or a plain scalar.
        self.continued: int | None = None
        self.flow_last = "["  # the last character of flow context on previous lines

    def line(self, line: str) -> int | None:
        """Scan one line; the index of the bracket beyond the limit, if it holds one."""
        if self.quote:
            end = _quote_end(line, 0, self.quote)
            if end < 0:
                return None
            self.quote = ""
            # In block context a multi-line quoted scalar is a value: what follows is a comment (or an error).
            return self._flow(line, end) if self.depth else None
        if self.depth:
            return self._flow(line, 0)
        stripped = line.lstrip(" ")
        if not stripped.strip():
            return None
        indent = len(line) - len(stripped)
        if self.continued is not None:
            if indent > self.continued:
                return None
            self.continued = None
        if stripped[0] == "#":
            return None
        # A node starting a line: lines as indented as it continue it (a multi-line plain scalar).
        return self._block(line, indent, indent - 1)

    def _block(self, line: str, pos: int, owner: int) -> int | None:
        """Read block context from ``pos``, where a node may start; ``owner`` is the indentation that
        lines continuing a scalar found here must exceed."""
        length = len(line)
        while True:
            while pos < length and line[pos] in " \t":
                pos += 1
            if pos >= length:
                return None
            char = line[pos]
            if char in "-?:" and (pos + 1 == length or line[pos + 1] in " \t"):
                owner = pos  # a sequence entry, an explicit key or value: its node follows
                pos += 1
            elif char in "&!":
                while pos < length and line[pos] not in " \t":  # an anchor or a tag
                    pos += 1
            elif char in "[{":
                return self._flow(line, pos)
            elif char in "|>":
                self.continued = owner  # a block scalar: its lines are more indented than its owner
                return None
            elif char in "#*%" or (char == "-" and pos == 0 and line.startswith("---")):
                return None  # a comment, an alias, a directive or a document marker
            elif char in "'\"":
                end = _quote_end(line, pos + 1, char)
                if end < 0:
                    self.quote = char
                    return None
                key = _KEY_AFTER.match(line, end)
                if key is None:
                    return None
                owner, pos = pos, key.end()
            else:
                found = _PLAIN_END.search(line, pos)
                if found is None or line[found.start()] == "#":
                    self.continued = owner  # a plain value, which may go on over more indented lines
                    return None
                owner, pos = pos, found.end()  # a mapping key: its value follows

    def _flow(self, line: str, pos: int) -> int | None:
        """Read flow context from ``pos`` (inside a flow collection or at the bracket opening one)."""
        while True:
            found = _FLOW_SPECIAL.search(line, pos)
            if found is None:
                self._note_last(line, len(line))
                return None
            index = found.start()
            char = line[index]
            if char in "[{":
                self.depth += 1
                if self.depth > MAX_DEPTH:
                    return index
            elif char in "]}":
                self.depth = max(self.depth - 1, 0)
                if not self.depth:
                    # Back in block context: `[a, b]: value` makes the collection a key; else the line ends.
                    key = _KEY_AFTER.match(line, index + 1)
                    indent = len(line) - len(line.lstrip(" "))
                    return self._block(line, key.end(), indent) if key is not None else None
            elif char == "#":
                if index == 0 or line[index - 1] in " \t":
                    self._note_last(line, index)
                    return None
            elif self._opens_quote(line, index):
                end = _quote_end(line, index + 1, char)
                if end < 0:
                    self.quote = self.flow_last = char
                    return None
                index = end - 1
            pos = index + 1

    def _opens_quote(self, line: str, index: int) -> bool:
        """Whether the quote at ``index`` starts a quoted scalar: it comes where a node starts (after a
        bracket, a comma, a colon, an anchor or a tag), not inside a plain scalar (`[echo 'a b']`)."""
        before = line[:index].rstrip(" \t")
        previous = before[-1:] or self.flow_last
        if previous in _NODE_STARTS:
            return True
        start = max(before.rfind(" "), before.rfind("\t"), *(before.rfind(c) for c in _NODE_STARTS)) + 1
        if before[start : start + 1] not in ("&", "!"):
            return False
        before = before[:start].rstrip(" \t")  # a property: where it starts, a node may start
        return (before[-1:] or self.flow_last) in _NODE_STARTS

    def _note_last(self, line: str, end: int) -> None:
        """Remember the last character of a flow line that is not space or comment, for the next line."""
        text = line[:end].rstrip(" \t")
        if text:
            self.flow_last = text[-1]


def _quote_end(line: str, start: int, quote: str) -> int:
    """The index after the quote closing a scalar whose text starts at ``start``; -1 if it goes on."""
    pos = start
    while True:
        end = line.find(quote, pos)
        if end < 0:
            return -1
        if quote == "'":
            if line.startswith("''", end):
                pos = end + 2  # an escaped quote
                continue
            return end + 1
        backslashes = 0
        while end - backslashes - 1 >= start and line[end - backslashes - 1] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return end + 1
        pos = end + 1


def _syntax_problem(exc: MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    parts = [p for p in (exc.context, exc.problem) if p]
    message = "invalid YAML: " + (", ".join(str(p) for p in parts) or "syntax error")
    return Problem(Span(line, column, line, column + 1), message)


@dataclass
class _Frame:
    event: MappingStartEvent | SequenceStartEvent
    children: list[Node] = field(default_factory=list)


def _events(text: str, pure: bool) -> Iterator[Any]:
    if not pure and _LIBYAML_LOADER is not None:
        return iter(pyyaml.parse(text, Loader=_LIBYAML_LOADER))
    return iter(YAML(typ="safe", pure=True).parse(io.StringIO(text)))


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.root: Node | None = None
        self.problems: list[Problem] = []
        self.anchors: dict[str, Node] = {}
        self.stack: list[_Frame] = []
        self.documents = 0
        # Keys that merge keys (<<) copied into mappings so far: each copy costs a list entry, so 3,000 services
        # merging one 5,000-key anchor would hold 15 million before any mapping's own size is over the limit.
        self.merged_keys = 0

    def run(self, pure: bool) -> None:
        """Build the tree from an event stream: libyaml's through PyYAML (fast) or ruamel's pure-Python
        parser. Both name their events alike and report the same positions."""
        for event in _events(self.text, pure):
            kind = type(event).__name__
            if kind == "DocumentStartEvent":
                self.documents += 1
                if self.documents > 1:
                    span = self._span(event.start_mark, event.start_mark)
                    self.problems.append(Problem(span, "a second YAML document; Compose reads only one per file"))
                    return
            elif kind == "ScalarEvent":
                self._add(self._scalar(event), event.anchor)
            elif kind == "AliasEvent":
                self._alias(event)
            elif kind in ("MappingStartEvent", "SequenceStartEvent"):
                if len(self.stack) >= MAX_DEPTH:
                    raise LimitExceeded(
                        self._span(event.start_mark, event.start_mark),
                        f"the YAML nests deeper than {MAX_DEPTH} levels",
                    )
                self.stack.append(_Frame(event))
            elif kind in ("MappingEndEvent", "SequenceEndEvent"):
                frame = self.stack.pop()
                node = self._collection(frame, event)
                self._add(node, frame.event.anchor)

    def _add(self, node: Node, anchor: str | None, where: Span | None = None) -> None:
        """Attach a finished node to its parent; ``where`` is the alias position when it is one."""
        if node.size > MAX_NODES:
            raise LimitExceeded(
                where or node.span,
                f"the YAML expands to more than {MAX_NODES:,} nodes once its aliases are resolved (an alias bomb?)",
            )
        if len(self.stack) + node.height > MAX_DEPTH:
            raise LimitExceeded(
                where or node.span, f"the YAML nests deeper than {MAX_DEPTH} levels once aliases are resolved"
            )
        if anchor is not None:
            self.anchors[anchor] = node
        if self.stack:
            self.stack[-1].children.append(node)
        elif self.root is None:
            self.root = node

    def _alias(self, event: AliasEvent) -> None:
        node = self.anchors.get(event.anchor)
        if node is None:
            open_anchors = {frame.event.anchor for frame in self.stack}
            reason = "refers to itself" if event.anchor in open_anchors else "is not defined before it is used"
            raise MarkedYAMLError(problem=f"alias *{event.anchor} {reason}", problem_mark=event.start_mark) from None
        self._add(node, None, self._span(event.start_mark, event.end_mark))

    def _scalar(self, event: ScalarEvent) -> Scalar:
        start, end = event.start_mark.index, event.end_mark.index
        source = self.text[start:end]
        # The event starts at a leading anchor or tag (`&name value`, `!reset value`); spans start at the value.
        prefix = _PROPERTIES.match(source)
        if prefix:
            start += prefix.end()
            source = source[prefix.end() :]
        line, column = self._position(start)
        end_line, end_column = self._position(_end_index(self.text, end))
        span = Span(line, column, end_line, end_column)
        # libyaml marks a plain scalar's style as "" where the pure parser says None.
        scalar = Scalar(span, 1, 0, raw=event.value, style=event.style or None, tag=event.tag, source=source)
        scalar.value = resolve_scalar(scalar)
        return scalar

    def _collection(self, frame: _Frame, end_event: Any) -> Node:
        start = frame.event.start_mark
        span = self._span(start, end_event.end_mark)
        if type(frame.event).__name__ == "SequenceStartEvent":
            size = 1 + sum(child.size for child in frame.children)
            height = 1 + max((child.height for child in frame.children), default=0)
            return Sequence(span, size, height, items=frame.children, tag=frame.event.tag)
        return self._mapping(span, frame.children, frame.event.tag)

    def _mapping(self, span: Span, children: list[Node], tag: str | None = None) -> Mapping:
        own: list[tuple[Scalar, Node]] = []
        inherited: list[tuple[Scalar, Node]] = []
        merges: list[tuple[Scalar, Node]] = []
        seen: dict[str, Scalar] = {}
        for key, value in zip(children[::2], children[1::2], strict=False):
            if not isinstance(key, Scalar):
                self.problems.append(Problem(key.span, "a mapping key must be a plain value, not a list or mapping"))
                continue
            if key.raw == "<<" and key.style is None:
                sources = self._merge_sources(key, value)
                inherited.extend(sources)
                merges.append((key, value))
                self.merged_keys += len(sources)
                if self.merged_keys > MAX_NODES:
                    raise LimitExceeded(
                        key.span, f"merge keys (<<) copy more than {MAX_NODES:,} keys into mappings (a merge-key bomb?)"
                    )
                continue
            if key.raw in seen:
                first = seen[key.raw]
                self.problems.append(
                    Problem(key.span, f"duplicate key {key.raw!r} (first defined on line {first.span.start_line})")
                )
                continue
            seen[key.raw] = key
            own.append((key, value))
        own_count = len(own)
        for key, value in inherited:
            if key.raw not in seen:
                seen[key.raw] = key
                own.append((key, value))
        size = 1 + sum(key.size + value.size for key, value in own)
        height = 1 + max((value.height for _, value in own), default=0)
        return Mapping(span, size, height, pairs=own, tag=tag, merges=merges, own_count=own_count if merges else None)

    def _merge_sources(self, key: Scalar, value: Node) -> list[tuple[Scalar, Node]]:
        # `<<: *a` or `<<: [*a, *b]`; with a list, earlier mappings win, as in YAML's merge-key spec.
        sources = value.items if isinstance(value, Sequence) else [value]
        pairs: list[tuple[Scalar, Node]] = []
        for source in sources:
            if not isinstance(source, Mapping):
                self.problems.append(Problem(key.span, "a merge key (<<) must refer to a mapping or a list of them"))
                continue
            pairs.extend(source.pairs)
        return pairs

    def _position(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def _span(self, start: Any, end: Any) -> Span:
        end_line, end_column = self._position(_end_index(self.text, end.index))
        start_line, start_column = start.line + 1, start.column + 1
        if (end_line, end_column) <= (start_line, start_column):
            end_line, end_column = start_line, start_column + 1
        return Span(start_line, start_column, end_line, end_column)


def _end_index(text: str, index: int) -> int:
    """The end of a region, pulled back over trailing line breaks and blank or comment lines."""
    index = min(index, len(text))
    while index > 0:
        line_start = text.rfind("\n", 0, index) + 1
        before = text[line_start:index]
        if before.strip() and not before.lstrip().startswith("#"):
            break
        if line_start == 0:
            break
        index = line_start - 1
    return index


def resolve_scalar(scalar: Scalar) -> Any:
    """The YAML 1.2 core-schema value of a scalar, which is what go-yaml v3 gives Compose."""
    raw = scalar.raw
    if scalar.style is not None or (scalar.tag is not None and scalar.tag in _STR_TAGS):
        return raw
    if raw in ("", "~", "null", "Null", "NULL"):
        return None
    if raw in ("true", "True", "TRUE"):
        return True
    if raw in ("false", "False", "FALSE"):
        return False
    # Compose reads integers as 64-bit: longer digit runs (which Python would also refuse to convert past
    # 4,300 digits) stay text, and the schema says what is wrong with them.
    if len(raw) > 24:
        return raw
    if _INT.match(raw):
        return int(raw)
    if _OCT.match(raw):
        return int(raw[2:], 8)
    if _HEX.match(raw):
        return int(raw[2:], 16)
    if _FLOAT.match(raw) and any(ch.isdigit() for ch in raw):
        return float(raw)
    special = _SPECIAL_FLOATS.get(raw.lower())
    return special if special is not None else raw
