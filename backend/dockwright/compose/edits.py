"""Text edits that compose fixes share, computed against the original text so comments survive.

Each helper returns no edits when it cannot be sure the edit does exactly what it says (a flow-style
mapping, a multi-line or escaped scalar): a fix without edits is advice, never a corruption.
"""

from __future__ import annotations

from collections import Counter

from dockwright.compose.model import ComposeFile, scalars
from dockwright.compose.nodes import Mapping, Scalar
from dockwright.compose.ports import PortBinding
from dockwright.findings import Edit, Span

LOCALHOST = "127.0.0.1"


def scalar_content_start(scalar: Scalar) -> tuple[int, int] | None:
    """Line and column of the scalar's first character inside its quotes, for a simple one-line scalar."""
    if scalar.span.start_line != scalar.span.end_line:
        return None
    if scalar.style is None and scalar.source == scalar.raw:
        return scalar.span.start_line, scalar.span.start_column
    if scalar.is_quoted and scalar.source[1:-1] == scalar.raw:
        return scalar.span.start_line, scalar.span.start_column + 1
    return None


def preferred_quote(document: ComposeFile) -> str:
    """The quote the file uses most for its values; single quotes (dclint's default) when it uses none."""
    counts = Counter(scalar.style for scalar in scalars(document.root) if scalar.is_quoted)
    return '"' if counts['"'] > counts["'"] else "'"


def quoted(text: str, quote: str) -> str | None:
    """``text`` in ``quote`` quotes when it needs no escaping in them; None otherwise."""
    if "\n" in text or quote in text or (quote == '"' and "\\" in text):
        return None
    return f"{quote}{text}{quote}"


def delete_lines(first: int, last: int) -> Edit:
    return Edit(Span(first, 1, last + 1, 1), "")


def append_line_after(lines: list[str], line: int, indent: int, text: str) -> Edit:
    """Insert ``text`` as a new line after ``line``, indented by ``indent`` spaces."""
    end = len(lines[line - 1]) + 1
    return Edit(Span(line, end, line, end), "\n" + " " * indent + text)


def block_key_indent(lines: list[str], mapping: Mapping) -> int | None:
    """The column (0-based) of a block mapping's keys; None for a flow mapping or ragged keys."""
    if not mapping.pairs:
        return None
    columns = {key.span.start_column for key, _ in mapping.pairs}
    if len(columns) != 1:
        return None
    key = mapping.pairs[0][0]
    prefix = lines[key.span.start_line - 1][: key.span.start_column - 1]
    if prefix.strip() not in ("", "-"):
        return None
    return key.span.start_column - 1


def bind_to_localhost(binding: PortBinding, lines: list[str]) -> tuple[Edit, ...]:
    """Edits publishing ``binding`` on 127.0.0.1 only, in the syntax it is written in."""
    node = binding.node
    if isinstance(node, Scalar):
        start = scalar_content_start(node)
        if start is None or node.unresolved:
            return ()
        line, column = start
        if binding.host_ip:
            if not node.raw.startswith(binding.host_ip):
                return ()
            return (Edit(Span(line, column, line, column + len(binding.host_ip)), LOCALHOST),)
        prefix = f"{LOCALHOST}:" if binding.published else f"{LOCALHOST}::"
        return (Edit(Span(line, column, line, column), prefix),)
    if isinstance(node, Mapping):
        host_ip = node.get("host_ip")
        if isinstance(host_ip, Scalar):
            return (Edit(host_ip.span, LOCALHOST),) if scalar_content_start(host_ip) else ()
        indent = block_key_indent(lines, node)
        if indent is None:
            return ()
        last_line = max(value.span.end_line for _, value in node.pairs)
        return (append_line_after(lines, last_line, indent, f"host_ip: {LOCALHOST}"),)
    return ()
