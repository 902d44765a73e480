"""Compose's merge of one service definition over another, on positioned YAML nodes.

The same rules serve ``extends`` (a base service under the extending one) and override files (a later
``-f`` file over an earlier one): compose-go's ``override`` package, which ``docker compose config``
applies. Mappings merge key by key and a scalar replaces a scalar. Sequences append, except that:

- ``command``, ``entrypoint`` and ``healthcheck.test`` are replaced whole;
- key=value settings (``environment``, ``labels``, ``build.args``...) merge by key, whether written as a
  mapping or as a list of ``KEY=value``; ``depends_on`` and ``networks`` merge by name, list or mapping;
- an entry of ``ports``, ``volumes``, ``secrets``, ``configs``, ``expose``, ``cap_add``... that another
  entry already has (the same port binding, mount target, secret target...) replaces it where it stands;
- ``logging`` merges only when both sides use the same driver (or one names none), else it is replaced;
- ``!override`` replaces without merging and ``!reset`` removes the setting.

Merged collections are new nodes positioned like the overriding one; scalars are never copied, so a
finding about a merged value still points where the value is written.
"""

from __future__ import annotations

from collections.abc import Callable

from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence

Path = tuple[str, ...]
_REPLACED = frozenset({("command",), ("entrypoint",), ("healthcheck", "test")})
# Written as a mapping or as a list of KEY=value (or KEY alone): merged by key.
_KEY_VALUE = frozenset(
    {
        ("environment",),
        ("labels",),
        ("annotations",),
        ("sysctls",),
        ("extra_hosts",),
        ("build", "args"),
        ("build", "labels"),
        ("build", "extra_hosts"),
        ("build", "additional_contexts"),
        ("deploy", "labels"),
    }
)
# Written as a list of names or a mapping of name → options: merged by name.
_NAMED = frozenset({("depends_on",), ("networks",), ("models",)})
# A string or a list of strings, duplicates dropped.
_STRING_LISTS = frozenset(
    {("dns",), ("dns_opt",), ("dns_search",), ("env_file",), ("label_file",), ("tmpfs",), ("profiles",)}
)


def merge_service(base: Mapping, override: Mapping) -> Mapping:
    """A base service under the extending one; the base's own ``extends`` is already resolved."""
    stripped = [(key, value) for key, value in base.pairs if key.raw != "extends"]
    merged = merge(mapping_like(base, stripped), override)
    return merged if isinstance(merged, Mapping) else override


def merge(base: Node, override: Node, path: Path = ()) -> Node:
    """``override`` on top of ``base``; ``path`` is where they sit inside a service definition."""
    if _tag(override) == "!override" or path in _REPLACED:
        return override
    if path in _KEY_VALUE:
        return _merge_mappings(_as_key_values(base), _as_key_values(override), path)
    if path in _NAMED:
        return _merge_mappings(_as_names(base), _as_names(override), path)
    if path in _STRING_LISTS:
        return _unique(_sequence_like(override, [*_as_items(base), *_as_items(override)]), _text_key)
    if path == ("logging",) and isinstance(base, Mapping) and isinstance(override, Mapping):
        driver, other = base.get("driver"), override.get("driver")
        if driver is not None and other is not None and _text(driver) != _text(other):
            return override
    if path == ("build",):
        base, override = _as_build(base), _as_build(override)
    if len(path) == 2 and path[0] == "ulimits":
        return override
    if isinstance(base, Mapping) and isinstance(override, Mapping):
        return _merge_mappings(base, override, path)
    if isinstance(base, Sequence) and isinstance(override, Sequence):
        merged = _sequence_like(override, [*base.items, *override.items])
        indexer = _INDEXERS.get(path)
        return _unique(merged, indexer) if indexer is not None else merged
    return override


def _merge_mappings(base: Mapping, override: Mapping, path: Path) -> Mapping:
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
    return mapping_like(override, pairs)


def mapping_like(like: Node, pairs: list[tuple[Scalar, Node]]) -> Mapping:
    """A new mapping of ``pairs``, positioned where ``like`` is (nothing reports on merged mappings)."""
    size = 1 + sum(key.size + value.size for key, value in pairs)
    height = 1 + max((value.height for _, value in pairs), default=0)
    return Mapping(like.span, size, height, pairs=pairs)


def _sequence_like(like: Node, items: list[Node]) -> Sequence:
    size = 1 + sum(item.size for item in items)
    height = 1 + max((item.height for item in items), default=0)
    return Sequence(like.span, size, height, items=items)


def _unique(sequence: Sequence, indexer: Callable[[Node], str | None]) -> Sequence:
    """Later entries replace earlier ones with the same key, in the earlier one's place (EnforceUnicity)."""
    items: list[Node] = []
    where: dict[str, int] = {}
    for item in sequence.items:
        key = indexer(item)
        if key is not None and key in where:
            items[where[key]] = item
            continue
        if key is not None:
            where[key] = len(items)
        items.append(item)
    return _sequence_like(sequence, items) if len(items) != len(sequence.items) else sequence


def _as_key_values(node: Node) -> Mapping:
    """``KEY=value`` list items as pairs of new scalars positioned on the item; a mapping as it is."""
    if isinstance(node, Mapping):
        return node
    pairs: list[tuple[Scalar, Node]] = []
    for item in _as_items(node):
        if not isinstance(item, Scalar):
            continue
        name, has_value, value = item.text.partition("=")
        key = _derived(item, name.strip())
        pairs.append((key, _derived(item, value) if has_value else _derived(item, None)))
    return mapping_like(node, pairs)


def _as_names(node: Node) -> Mapping:
    """A list of names as a mapping of each name to no options; a mapping as it is."""
    if isinstance(node, Mapping):
        return node
    names = [item for item in _as_items(node) if isinstance(item, Scalar)]
    # A plain name keeps its own node as the key, so findings about it still point at the file writing it.
    pairs: list[tuple[Scalar, Node]] = [
        (item if item.raw == item.text.strip() else _derived(item, item.text.strip()), mapping_like(item, []))
        for item in names
    ]
    return mapping_like(node, pairs)


def _as_items(node: Node) -> list[Node]:
    if isinstance(node, Sequence):
        return list(node.items)
    return [node] if isinstance(node, Scalar) and node.value is not None else []


def _as_build(node: Node) -> Node:
    """``build: ./dir`` is ``build: {context: ./dir}`` when merging."""
    if isinstance(node, Scalar):
        context = Scalar(node.span, 1, 1, raw="context", style=None, tag=None, source="context", value="context")
        return mapping_like(node, [(context, node)])
    return node


def _derived(item: Scalar, value: str | None) -> Scalar:
    """A scalar made from part of ``item`` (a key or value of ``KEY=value``), positioned on the item."""
    raw = "" if value is None else value
    derived = Scalar(item.span, 1, 1, raw=raw, style=item.style, tag=None, source=item.source, value=value)
    derived.variables, derived.unresolved = item.variables, item.unresolved
    return derived


def _text(node: Node) -> str | None:
    return node.text.strip() if isinstance(node, Scalar) else None


def _tag(node: Node) -> str | None:
    return node.tag if isinstance(node, Scalar | Mapping | Sequence) else None


def _text_key(node: Node) -> str | None:
    text = _text(node)
    return text.partition("=")[0] if text is not None else None


def _field(node: Node, *names: str) -> str:
    if not isinstance(node, Mapping):
        return ""
    for name in names:
        value = node.get(name)
        if isinstance(value, Scalar):
            return value.text.strip()
    return ""


def _port_key(node: Node) -> str | None:
    if isinstance(node, Scalar):
        return node.text.strip()
    if isinstance(node, Mapping):
        host = _field(node, "host_ip") or "0.0.0.0"
        return f"{host}:{_field(node, 'published')}:{_field(node, 'target')}/{_field(node, 'protocol') or 'tcp'}"
    return None


def _mount_key(node: Node) -> str | None:
    """A volume's (or device's) container path: ``SOURCE:TARGET[:MODE]``, ``TARGET`` alone, or ``target``."""
    if isinstance(node, Mapping):
        return _field(node, "target") or None
    text = _text(node)
    if text is None:
        return None
    parts = text.split(":")
    if len(parts) > 1 and len(parts[0]) == 1 and parts[1][:1] in ("\\", "/"):  # a Windows drive letter
        parts = [f"{parts[0]}:{parts[1]}", *parts[2:]]
    return parts[1] if len(parts) > 1 else parts[0]


def _secret_key(default_folder: str) -> Callable[[Node], str | None]:
    def key(node: Node) -> str | None:
        if isinstance(node, Mapping):
            return _field(node, "target") or f"{default_folder}/{_field(node, 'source')}"
        text = _text(node)
        return f"{default_folder}/{text}" if text is not None else None

    return key


_INDEXERS: dict[Path, Callable[[Node], str | None]] = {
    ("ports",): _port_key,
    ("volumes",): _mount_key,
    ("devices",): _mount_key,
    ("secrets",): _secret_key("/run/secrets"),
    ("configs",): _secret_key(""),
    ("expose",): _text_key,
    ("cap_add",): _text_key,
    ("cap_drop",): _text_key,
    ("links",): _text_key,
    ("build", "tags"): _text_key,
    ("build", "platforms"): _text_key,
}
