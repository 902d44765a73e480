"""Reorder the entries of a block mapping or sequence in the text, keeping every byte of each entry.

The ordering rules (keys, services, ports, dependencies) fix a file by moving whole entries: an entry is
its lines, from the comment lines written right above it to the end of its value, so comments, anchors,
quotes and layout travel with it; blank lines and detached comments between entries stay where they are.
We move text rather than re-dump a round-trip YAML tree: a dump re-wraps long lines, re-indents lists
and hangs a comment on the key before it, which then moves with the wrong entry.

An edit is offered only when it is certain: every entry starts its own line at the same column, and the
rewritten text, parsed again, holds the same data with the entries in the new order (an alias moved
before its anchor, for one, fails that check). Otherwise the fix is advice without edits. The checks
re-parse the file, so each analysis spends at most :data:`MAX_CHECKED_CHARS` on them.
"""

from __future__ import annotations

from collections.abc import Sequence as Entries
from typing import Any

from dockwright.compose.loader import load
from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence
from dockwright.findings import Edit, Span

# Characters of rewritten text parsed again to check the edits, per analysis: enough for every ordering
# fix of a large file, not for a hostile one with thousands of services.
MAX_CHECKED_CHARS = 2_000_000
Path = tuple[str | int, ...]


def reorder(document: ComposeFile, path: Path, order: Entries[Node]) -> tuple[Edit, ...]:
    """Edits putting the entries of the block collection at ``path`` in ``order``: the key nodes of a
    mapping (its merge keys included), or the items of a sequence. No edits when not certain."""
    container = _at(document.root, path)
    entries = _entries(container)
    if entries is None or sorted(map(id, order)) != sorted(id(head) for head, _ in entries):
        return ()
    if [id(node) for node in order] == [id(head) for head, _ in entries]:
        return ()
    # A file's first comment lines are its header: they stay on top whichever key comes first.
    blocks = _blocks(document.lines, entries, header=not path)
    if blocks is None:
        return ()
    first, last, texts, gaps = blocks
    by_head = {id(head): text for (head, _), text in zip(entries, texts, strict=True)}
    lines: list[str] = []
    for position, node in enumerate(order):
        lines.extend(by_head[id(node)])
        if position < len(gaps):
            lines.extend(gaps[position])
    newline = "\r\n" if "\r\n" in document.text else "\n"
    edit = Edit(Span(first, 1, last, len(document.lines[last - 1]) + 1), newline.join(lines))
    if not _checked(document, edit, path, container, order):
        return ()
    return (edit,)


def _at(root: Node | None, path: Path) -> Node | None:
    node = root
    for step in path:
        if isinstance(node, Mapping) and isinstance(step, str):
            node = node.get(step)
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node.items):
            node = node.items[step]
        else:
            return None
    return node


def _entries(container: Node | None) -> list[tuple[Node, Node]] | None:
    """(head, value) of each entry in text order: a mapping's keys (merge keys too), a sequence's items."""
    if isinstance(container, Mapping):
        pairs: list[tuple[Node, Node]] = [*container.own_pairs, *container.merges]
        return sorted(pairs, key=lambda pair: pair[0].span)
    if isinstance(container, Sequence):
        return [(item, item) for item in container.items]
    return None


def _blocks(
    lines: list[str], entries: list[tuple[Node, Node]], header: bool
) -> tuple[int, int, list[list[str]], list[list[str]]] | None:
    """The first and last line of the entries, each entry's lines and the lines between entries; None
    unless every entry starts a line of its own at the same column (a block collection)."""
    heads = [_head_line(lines, head) for head, _ in entries]
    if any(head is None for head in heads) or len({column for _, column in heads if column}) != 1:  # type: ignore[misc]
        return None
    starts = [line for line, _ in heads]  # type: ignore[misc]
    ends = [max(head.span.end_line, value.span.end_line) for head, value in entries]
    if any(end >= following for end, following in zip(ends, starts[1:], strict=False)):
        return None  # two entries on one line: a flow collection, or something we do not move
    column = heads[0][1]  # type: ignore[index]
    tops = [_top(lines, start, column, previous_end) for start, previous_end in zip(starts, [0, *ends], strict=False)]
    if header:
        tops[0] = starts[0]
    texts = [lines[top - 1 : end] for top, end in zip(tops, ends, strict=True)]
    gaps = [lines[end : top - 1] for end, top in zip(ends, tops[1:], strict=False)]
    return tops[0], ends[-1], texts, gaps


def _head_line(lines: list[str], head: Node) -> tuple[int, int] | None:
    """(line, column) of an entry's head when only indentation (and, for a sequence item, the `- ` that
    opens it) precedes it on its line."""
    line = lines[head.span.start_line - 1]
    before = line[: head.span.start_column - 1]
    if not before.strip():
        return head.span.start_line, head.span.start_column
    stripped = before.rstrip()
    if stripped.endswith("-") and not stripped[:-1].strip():
        return head.span.start_line, len(stripped)  # the column of the dash
    return None


def _top(lines: list[str], start: int, column: int, previous_end: int) -> int:
    """The first line of an entry: its head's line, or the comment lines right above it (at least as far
    indented as the head, with no blank line between), never reaching into the entry before."""
    top = start
    while top - 1 > previous_end:
        text = lines[top - 2]
        stripped = text.lstrip(" ")
        if not stripped.startswith("#") or len(text) - len(stripped) + 1 < column:
            break
        top -= 1
    return top


def _checked(document: ComposeFile, edit: Edit, path: Path, container: Node | None, order: Entries[Node]) -> bool:
    """Whether the edited text parses to the same data with the entries at ``path`` in the new order."""
    text = _applied(document.text, edit)
    document.checked_chars += len(text)
    if document.checked_chars > MAX_CHECKED_CHARS:
        return False
    loaded = load(text)
    if loaded.root is None or loaded.problems:
        return False
    expected = _data(document.root, path, container, order)
    return _data(loaded.root) == expected


def _applied(text: str, edit: Edit) -> str:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: edit.span.start_line - 1]) + edit.span.start_column - 1
    end = sum(len(line) + 1 for line in lines[: edit.span.end_line - 1]) + edit.span.end_column - 1
    return text[:start] + edit.replacement + text[end:]


def _data(
    node: Node | None, path: Path = (), target: Node | None = None, order: Entries[Node] = (), where: Path = ()
) -> Any:
    """The data of ``node`` with mappings as ordered pairs, and the collection at ``path`` (``target``)
    in ``order``. Shared nodes are converted once."""
    memo: dict[int, Any] = {}

    def convert(current: Node | None, at: Path) -> Any:
        if current is None:
            return None
        if isinstance(current, Scalar):
            return (current.raw, current.tag, current.style is None)
        if current is target and at == path:
            return _reordered(current, order, lambda child, step: convert(child, (*at, step)))
        cached = memo.get(id(current))
        if cached is not None:
            return cached
        if isinstance(current, Mapping):
            data: Any = ("map", tuple((key.raw, convert(value, (*at, key.raw))) for key, value in current.pairs))
        else:
            assert isinstance(current, Sequence)
            data = ("seq", tuple(convert(item, (*at, index)) for index, item in enumerate(current.items)))
        memo[id(current)] = data
        return data

    return convert(node, where)


def _reordered(container: Node, order: Entries[Node], convert: Any) -> Any:
    if isinstance(container, Sequence):
        positions = {id(item): index for index, item in enumerate(container.items)}
        return ("seq", tuple(convert(item, positions[id(item)]) for item in order))
    assert isinstance(container, Mapping)
    values = {id(key): value for key, value in container.own_pairs}
    own = [
        (node.raw, convert(values[id(node)], node.raw))
        for node in order
        if isinstance(node, Scalar) and id(node) in values
    ]
    inherited = [(key.raw, convert(value, key.raw)) for key, value in container.pairs[len(container.own_pairs) :]]
    return ("map", tuple(own + inherited))
