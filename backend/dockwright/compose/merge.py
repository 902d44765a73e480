"""Compose's merge of one service definition over another, as ``extends`` does it (the compose spec's
merge rules, on positioned YAML nodes)."""

from __future__ import annotations

from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence

# Settings that Compose replaces rather than appends when merging sequences (the merge spec's exceptions).
_REPLACED = frozenset({("command",), ("entrypoint",), ("healthcheck", "test")})


def merge_service(base: Mapping, override: Mapping) -> Mapping:
    """A base service under the extending one; the base's own ``extends`` is already resolved."""
    stripped = [(key, value) for key, value in base.pairs if key.raw != "extends"]
    merged = merge(_mapping(base, stripped), override)
    return merged if isinstance(merged, Mapping) else override


def merge(base: Node, override: Node, path: tuple[str, ...] = ()) -> Node:
    """``override`` on top of ``base`` by Compose's merge rules: mappings merge key by key, sequences
    append (``command``, ``entrypoint`` and ``healthcheck.test`` are replaced), anything else is replaced.
    ``!override`` replaces without merging and ``!reset`` removes the setting.

    The unique-key merging of ``ports``/``volumes``/``secrets``/``configs`` is simplified to appending:
    no rule that reads merged settings counts their entries.
    """
    if _tag(override) == "!override" or path in _REPLACED:
        return override
    if isinstance(base, Mapping) and isinstance(override, Mapping):
        pairs: list[tuple[Scalar, Node]] = []
        for key, value in base.pairs:
            if key.raw not in override:
                pairs.append((key, value))
                continue
            replacement = override.get(key.raw)
            override_key = override.key(key.raw)
            if replacement is not None and override_key is not None and _tag(replacement) != "!reset":
                pairs.append((override_key, merge(value, replacement, (*path, key.raw))))
        pairs.extend((key, value) for key, value in override.pairs if key.raw not in base and _tag(value) != "!reset")
        return _mapping(override, pairs)
    if isinstance(base, Sequence) and isinstance(override, Sequence):
        items = [*base.items, *override.items]
        size = 1 + sum(item.size for item in items)
        height = 1 + max((item.height for item in items), default=0)
        return Sequence(override.span, size, height, items=items)
    return override


def _mapping(like: Mapping, pairs: list[tuple[Scalar, Node]]) -> Mapping:
    """A new mapping of ``pairs``, positioned where ``like`` is (nothing reports on merged mappings)."""
    size = 1 + sum(key.size + value.size for key, value in pairs)
    height = 1 + max((value.height for _, value in pairs), default=0)
    return Mapping(like.span, size, height, pairs=pairs)


def _tag(node: Node) -> str | None:
    return node.tag if isinstance(node, Scalar | Mapping | Sequence) else None
