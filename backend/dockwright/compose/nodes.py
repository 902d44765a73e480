"""The YAML tree of a compose file with the position of every key and value.

Anchors, aliases and merge keys are already resolved: an alias is the very node object of its anchor
(nodes are shared, never copied), and a mapping holding ``<<: *defaults`` lists the inherited pairs
after its own. Inherited pairs keep the position where they are written, inside the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dockwright.findings import Span


@dataclass(eq=False)
class Node:
    span: Span
    # Nodes in the tree once aliases are expanded (this node included), and the tree's height; both
    # are what an alias bomb inflates, so the loader checks them against its limits.
    size: int
    height: int


@dataclass(eq=False)
class Scalar(Node):
    raw: str  # the string YAML reads (quotes removed, escapes decoded), before interpolation
    style: str | None  # None for plain, "'" or '"' for quoted, "|" or ">" for block scalars
    tag: str | None
    source: str  # the exact text of the scalar in the file, quotes included
    value: Any = None  # the typed value after interpolation (str, int, float, bool or None)
    # Variables the scalar refers to, and whether one of them has neither a value nor a default, in
    # which case ``value`` holds what Compose would use (an empty string) and is not worth judging.
    variables: tuple[str, ...] = ()
    unresolved: bool = False

    @property
    def text(self) -> str:
        """The value as a string, as Compose sees it after interpolation."""
        if self.value is None:
            return ""
        if isinstance(self.value, bool):
            return "true" if self.value else "false"
        return str(self.value)

    @property
    def is_quoted(self) -> bool:
        return self.style in ("'", '"')

    def offset_span(self, start: int, end: int) -> Span:
        """The span of ``raw[start:end]`` in the file; the whole scalar when it cannot be mapped exactly."""
        first = self.span.start_column
        line = self.span.start_line
        single_line = self.span.start_line == self.span.end_line
        if single_line and self.style is None and self.source == self.raw:
            return Span(line, first + start, line, first + max(end, start + 1))
        if single_line and self.is_quoted and self.source[1:-1] == self.raw:
            return Span(line, first + 1 + start, line, first + 1 + max(end, start + 1))
        found = self.source.find(self.raw[start:end]) if end > start else -1
        if found < 0:
            return self.span
        before = self.source[:found]
        line += before.count("\n")
        column = (len(before) - before.rfind("\n")) if "\n" in before else first + len(before)
        return Span(line, column, line, column + max(end - start, 1))


@dataclass(eq=False)
class Mapping(Node):
    pairs: list[tuple[Scalar, Node]] = field(default_factory=list)
    tag: str | None = None  # `!reset` / `!override` change how Compose merges it (extends, include)
    # The merge keys written in this mapping, each with what it refers to (`<<: *a` or `<<: [*a, *b]`);
    # the pairs they bring in follow the mapping's own pairs, of which there are ``own_count``.
    merges: list[tuple[Scalar, Node]] = field(default_factory=list)
    own_count: int | None = None
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for position, (key, _) in enumerate(self.pairs):
            self._index.setdefault(key.raw, position)

    def get(self, key: str) -> Node | None:
        position = self._index.get(key)
        return None if position is None else self.pairs[position][1]

    def key(self, key: str) -> Scalar | None:
        position = self._index.get(key)
        return None if position is None else self.pairs[position][0]

    def __contains__(self, key: str) -> bool:
        return key in self._index

    def keys(self) -> list[str]:
        return [key.raw for key, _ in self.pairs]

    @property
    def own_pairs(self) -> list[tuple[Scalar, Node]]:
        """The pairs written in this mapping, without those its merge keys bring in."""
        return self.pairs if self.own_count is None else self.pairs[: self.own_count]

    def items(self) -> Iterator[tuple[Scalar, Node]]:
        return iter(self.pairs)


@dataclass(eq=False)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)
    tag: str | None = None

    def __iter__(self) -> Iterator[Node]:
        return iter(self.items)


# compose-go's toBoolean, which it applies to the strings of boolean settings (quoted, or interpolated):
# YAML 1.1's words, in any case. A plain `true`/`false` is already a boolean in the YAML 1.2 tree.
_TRUE_WORDS = frozenset(("y", "yes", "true", "on"))
_FALSE_WORDS = frozenset(("n", "no", "false", "off"))
_INTEGER = re.compile(r"[-+]?[0-9]+\Z")


def boolean(node: Node | None) -> bool | None:
    """A boolean setting (``privileged``, ``read_only``, ``healthcheck.disable``...) as Compose reads it:
    ``true``, or a string such as ``'yes'``, ``on`` or ``${FLAG:-True}`` once interpolated. None when the
    setting is absent, not a scalar or not a boolean Compose accepts."""
    if not isinstance(node, Scalar):
        return None
    value = node.value
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    return None


def integer(node: Node | None) -> int | None:
    """An integer setting (``deploy.replicas``, ``scale``...) as Compose reads it: ``3``, or a string of
    digits such as ``'3'`` or ``${WORKERS:-3}`` once interpolated (compose-go converts those strings)."""
    if not isinstance(node, Scalar):
        return None
    value = node.value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and _INTEGER.match(value) and len(value) <= 18:
        return int(value)
    return None


def to_data(node: Node | None, unknown: Callable[[Scalar], Any] | None = None) -> Any:
    """Plain Python data (dicts, lists, scalars) as Compose validates it; shared nodes stay shared.
    ``unknown`` gives the value of a scalar whose variables have no value (default: what Compose would
    substitute, an empty string for each)."""
    memo: dict[int, Any] = {}

    def convert(current: Node | None) -> Any:
        if current is None:
            return None
        if isinstance(current, Scalar):
            return unknown(current) if unknown is not None and current.unresolved else current.value
        cached = memo.get(id(current))
        if cached is not None:
            return cached
        if isinstance(current, Mapping):
            data: Any = {key.raw: convert(value) for key, value in current.pairs}
        else:
            assert isinstance(current, Sequence)
            data = [convert(item) for item in current.items]
        memo[id(current)] = data
        return data

    return convert(node)
