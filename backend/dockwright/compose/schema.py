"""Validation against the official compose-spec JSON schema, every error at its own key or value.

The schema is the one check-jsonschema vendors (and keeps current), never a copy of ours; the
validator is built once per process. Messages name the path (``services.web.ports[0]``) and say what
was expected in words, because jsonschema's raw ``oneOf`` messages quote whole sub-documents.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence, to_data
from dockwright.findings import Span

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]

_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}


@dataclass(frozen=True)
class SchemaError:
    span: Span
    message: str


@functools.cache
def compose_schema() -> dict[str, Any]:
    # Found, not imported: importing check_jsonschema loads its command line (click, requests), which cost a
    # CLI run most of its start-up.
    spec = importlib.util.find_spec("check_jsonschema")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("check-jsonschema, which provides the compose-spec schema, is not installed")
    vendor = Path(next(iter(spec.submodule_search_locations))) / "builtin_schemas" / "vendor"
    schema: dict[str, Any] = json.loads((vendor / "compose-spec.json").read_text(encoding="utf-8"))
    return schema


@functools.cache
def _validator() -> Draft202012Validator:
    # Imported here: only an invalid file needs the pure-Python validator (see _fast_validator).
    from jsonschema import Draft202012Validator

    return Draft202012Validator(compose_schema())


@functools.cache
def _fast_validator() -> Any:
    """jsonschema-rs, a compiled validator of the same schema: most files are valid, and it says so in
    microseconds where the pure-Python validator takes tens of milliseconds. Only an invalid file goes on
    to the pure-Python validator, whose errors carry what the messages need."""
    try:
        import jsonschema_rs
    except ImportError:  # an optional speed-up: without it every file takes the slow path
        return None
    return jsonschema_rs.validator_for(compose_schema())


# A value built from variables without a value is unknown: it stands in the data as this prefix and its
# expression, so that the same expression twice is still the same item (`uniqueItems`), and no error about
# the value itself is reported (a real environment may well give a valid one).
_UNKNOWN = "\x00unknown:"


def schema_errors(document: ComposeFile) -> list[SchemaError]:
    """Every schema violation of the (interpolated) document, in document order; values from variables
    without a value are not judged."""
    if document.root is None:
        return []
    data = to_data(document.root, unknown=lambda scalar: _UNKNOWN + scalar.raw)
    fast = _fast_validator()
    if fast is not None and fast.is_valid(data):
        return []
    errors: list[SchemaError] = []
    for error in _validator().iter_errors(data):
        errors.extend(_describe(document.root, error))
    errors.sort(key=lambda e: e.span)
    return errors


def _describe(root: Node, error: ValidationError) -> list[SchemaError]:
    if isinstance(error.instance, str) and error.instance.startswith(_UNKNOWN):
        return []
    path = list(error.absolute_path)
    key, node = _locate(root, path)
    where = _path_text(path)
    if error.validator in ("additionalProperties", "unevaluatedProperties") and isinstance(node, Mapping):
        # jsonschema drops what a failing `allOf` branch evaluated, so `unevaluatedProperties` also names
        # keys that are valid but sit in a branch with another error: keep only keys no branch declares.
        declared = _declared(error.schema)
        unexpected = [k for k, _ in node.pairs if repr(k.raw) in error.message and not _is_declared(k.raw, declared)]
        if unexpected or error.validator == "unevaluatedProperties":
            return [SchemaError(k.span, f"{_join(where, k.raw)}: unknown key {k.raw!r}") for k in unexpected]
    if error.validator == "required" and isinstance(node, Mapping):
        return [SchemaError((key or node).span, f"{where or 'the file'}: {error.message}")]
    if error.validator in ("oneOf", "anyOf") and error.context:
        return _alternatives(root, error, where, node)
    span = node.span if node is not None else (key.span if key is not None else Span(1, 1, 1, 2))
    return [SchemaError(span, f"{where or 'the file'}: {_message(error)}")]


def _alternatives(root: Node, error: ValidationError, where: str, node: Node | None) -> list[SchemaError]:
    """Explain a failed ``oneOf``: the branch whose type matched says what is wrong, else list the types."""
    branches: dict[Any, list[ValidationError]] = {}
    for sub in error.context or []:
        branches.setdefault(sub.schema_path[0] if sub.schema_path else None, []).append(sub)
    matching = [
        errors for errors in branches.values() if not any(e.validator == "type" and not e.relative_path for e in errors)
    ]
    if matching:
        from jsonschema.exceptions import best_match

        return _describe(root, best_match(matching[0]))
    expected: list[str] = []
    for errors in branches.values():
        for e in errors:
            if e.validator == "type" and not e.relative_path:
                value = e.validator_value
                expected.extend(_TYPE_NAMES.get(t, t) for t in ([value] if isinstance(value, str) else value))
    span = node.span if node is not None else Span(1, 1, 1, 2)
    names = " or ".join(dict.fromkeys(expected)) or "a different value"
    return [SchemaError(span, f"{where or 'the file'}: expected {names}, got {_kind(error.instance)}")]


def _declared(schema: Any) -> tuple[set[str], list[str]]:
    """Property names and patterns a schema declares, following its `allOf` references."""
    names: set[str] = set()
    patterns: list[str] = []
    pending = [schema]
    while pending:
        current = pending.pop()
        if not isinstance(current, dict):
            continue
        ref = current.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            pending.append(compose_schema()["$defs"].get(ref.removeprefix("#/$defs/")))
        names.update(current.get("properties", {}))
        patterns.extend(current.get("patternProperties", {}))
        pending.extend(current.get("allOf", []))
    return names, patterns


def _is_declared(key: str, declared: tuple[set[str], list[str]]) -> bool:
    names, patterns = declared
    return key in names or any(re.search(pattern, key) for pattern in patterns)


def _message(error: ValidationError) -> str:
    if error.validator == "type":
        expected = error.validator_value
        names = [expected] if isinstance(expected, str) else list(expected)
        return f"expected {' or '.join(_TYPE_NAMES.get(n, n) for n in names)}, got {_kind(error.instance)}"
    if error.validator == "enum":
        options = ", ".join(repr(v) for v in error.validator_value)
        return f"{error.instance!r} is not one of {options}"
    if error.validator == "uniqueItems":
        return "the list holds the same item twice"
    message = error.message
    return message if len(message) <= 200 else message[:197] + "..."


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {value!r}" if len(value) <= 40 else "a string"
    return "a mapping" if isinstance(value, dict) else "a list"


def _locate(root: Node, path: list[Any]) -> tuple[Scalar | None, Node | None]:
    """The key (when the last step is one) and the node at ``path``."""
    key: Scalar | None = None
    node: Node | None = root
    for step in path:
        if isinstance(node, Mapping) and isinstance(step, str):
            key, node = node.key(step), node.get(step)
        elif isinstance(node, Sequence) and isinstance(step, int) and step < len(node.items):
            key, node = None, node.items[step]
        else:
            break
    return key, node


def _path_text(path: list[Any]) -> str:
    text = ""
    for step in path:
        text = f"{text}[{step}]" if isinstance(step, int) else _join(text, str(step))
    return text


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name
