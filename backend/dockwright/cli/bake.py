"""Docker Bake files (`docker-bake.hcl`, `docker-bake.json` and their `.override` files): the Dockerfiles they
build, each with its target's build args and target stage, as `docker buildx bake` builds them.

What bake builds by default is linted: the `default` group (a group may name groups), else a target named
`default`, else every target. A target takes the attributes of those it ``inherits`` (in order, then its own;
``args`` merged name by name, as bake does), and a file read later (an override file) adds to the targets of the
earlier ones. ``${NAME}`` in a string is a ``variable``'s value: the environment's when it sets NAME, as bake
reads it, else the variable's ``default``. A value that needs more (a function, an undeclared name) is not read:
an arg then keeps the Dockerfile's default, and a target whose Dockerfile or context cannot be known, or whose
context is remote, is skipped with a note. A bake file has the nesting limit of a Compose file and, in JSON, its
size limit; HCL costs far more to parse (python-hcl2's parser reads some 10 to 40 KB a second here), so an HCL
file is held to 64 KiB, several times the largest real bake files we know (a few KB).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import hcl2
from lark.exceptions import LarkError

from dockwright.compose.loader import MAX_CHARS, MAX_DEPTH
from dockwright.dockerfile.build import BuildOptions
from dockwright.errors import InputError

# The names bake reads in a folder, in its order: a later file adds to and overrides the earlier ones.
BAKE_NAMES = ("docker-bake.json", "docker-bake.override.json", "docker-bake.hcl", "docker-bake.override.hcl")
# Targets a bake project may define, and how deep `inherits` and groups may chain.
MAX_TARGETS = 256
MAX_HCL_CHARS = 64 * 1024
MAX_CHAIN = 32
_INTERPOLATION = re.compile(r"\$\$\{|\$\{\s*([A-Za-z_][A-Za-z0-9_-]*)?\s*(\})?")
_REMOTE_CONTEXT = re.compile(r"^([a-z][a-z0-9+.-]*://|git@|target:|docker-image:)", re.IGNORECASE)
# python-hcl2 keeps the quotes of string literals, so that a literal and a bare expression can be told apart.
_HCL_OPTIONS = hcl2.SerializationOptions(with_comments=False, explicit_blocks=False, preserve_heredocs=False)


@dataclass(frozen=True)
class BakeTarget:
    """A Dockerfile a bake file builds: ``dockerfile`` and ``context`` relative to the bake file's folder."""

    name: str
    dockerfile: str
    context: str
    build: BuildOptions


@dataclass
class BakeProject:
    targets: list[BakeTarget] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Definitions:
    variables: dict[str, Any] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)
    targets: dict[str, dict[str, Any]] = field(default_factory=dict)


def bake_order(name: str) -> int:
    """Where bake reads a file among a folder's bake files (other names, given with -f, after them)."""
    lowered = posixpath.basename(name.replace("\\", "/")).lower()
    return BAKE_NAMES.index(lowered) if lowered in BAKE_NAMES else len(BAKE_NAMES)


def bake_project(files: Sequence[tuple[str, str]], environ: Mapping[str, str]) -> BakeProject:
    """The targets bake builds by default from ``files`` ((name, text) pairs in the order bake reads them),
    with ``environ`` setting variables. InputError for a file that is not a valid bake file."""
    definitions = _Definitions()
    for name, text in files:
        _add(definitions, _load(name, text), name)
    variables = {name: _variable(spec, name, environ) for name, spec in definitions.variables.items()}
    project = BakeProject()
    builds = set()  # targets that build the same Dockerfile the same way are linted once
    for name in _default_targets(definitions):
        target = _target(name, _resolved(definitions.targets, name, []), variables, project.notes)
        build = (
            None
            if target is None
            else (target.dockerfile, target.context, tuple(sorted(target.build.args.items())), target.build.target)
        )
        if target is not None and build not in builds:
            builds.add(build)
            project.targets.append(target)
    return project


def _load(name: str, text: str) -> Mapping[str, Any]:
    hcl = not name.lower().endswith(".json")
    limit = MAX_HCL_CHARS if hcl else MAX_CHARS
    if len(text) > limit:
        raise InputError(f"{name}: a bake file may hold at most {limit:,} characters")
    if _nesting(text) > MAX_DEPTH:
        raise InputError(f"{name}: nests more than {MAX_DEPTH} levels deep")
    try:
        data = _from_hcl(hcl2.loads(text, serialization_options=_HCL_OPTIONS)) if hcl else json.loads(text)
    except (ValueError, LarkError, RecursionError) as exc:
        lines = str(exc).strip().splitlines()
        raise InputError(f"{name}: not a valid bake file: {lines[0] if lines else type(exc).__name__}") from None
    if not isinstance(data, Mapping):
        raise InputError(f"{name}: a bake file holds variable, group and target blocks")
    return data


def _nesting(text: str) -> int:
    """How deep brackets nest in ``text`` (string literals left out): bounded before any parser recurses."""
    depth = deepest = 0
    quoted = escaped = False
    for char in text:
        if quoted:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
        elif char in "{[(":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "}])":
            depth = max(0, depth - 1)
    return deepest


def _from_hcl(data: Any) -> Any:
    """python-hcl2's output in the shape of a bake JSON file: labelled blocks as mappings by label (a list of
    bodies when a label repeats), string literals unquoted, bare expressions as ``${...}``."""
    if isinstance(data, Mapping):
        out: dict[str, Any] = {}
        for key, value in data.items():
            if _is_block_list(value):
                blocks: dict[str, Any] = {}
                for block in value:
                    for label, body in block.items():
                        blocks.setdefault(_unquoted(label), []).append(_from_hcl(body))
                out[_unquoted(key)] = blocks
            else:
                out[_unquoted(key)] = _from_hcl(value)
        return out
    if isinstance(data, list):
        return [_from_hcl(item) for item in data]
    if isinstance(data, str):
        return _unquoted(data) if data.startswith('"') and data.endswith('"') and len(data) > 1 else f"${{{data}}}"
    return data


def _is_block_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, Mapping) and len(v) == 1 and isinstance(next(iter(v.values())), Mapping) for v in value)
    )


def _unquoted(text: str) -> str:
    if not (text.startswith('"') and text.endswith('"') and len(text) > 1):
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return text[1:-1]
    return value if isinstance(value, str) else text[1:-1]


def _add(definitions: _Definitions, data: Mapping[str, Any], source: str) -> None:
    for section in ("variable", "group", "target"):
        blocks = data.get(section, {})
        if not isinstance(blocks, Mapping):
            raise InputError(f"{source}: `{section}` must map names to blocks")
        for name, bodies in blocks.items():
            for body in bodies if isinstance(bodies, list) else [bodies]:
                if not isinstance(body, Mapping):
                    raise InputError(f"{source}: {section} {name!r} must be a block")
                if section == "variable":
                    definitions.variables[str(name)] = body
                elif section == "group":
                    members = body.get("targets", [])
                    definitions.groups[str(name)] = [str(m) for m in (members if isinstance(members, list) else [])]
                else:
                    _merge(definitions.targets.setdefault(str(name), {}), body)
    if len(definitions.targets) > MAX_TARGETS:
        raise InputError(f"{source}: more than {MAX_TARGETS} bake targets")


def _merge(into: dict[str, Any], body: Mapping[str, Any]) -> None:
    """Lay ``body``'s attributes over ``into``'s: ``args`` name by name, the others whole."""
    for key, value in body.items():
        if key == "args" and isinstance(value, Mapping) and isinstance(into.get("args"), Mapping):
            into["args"] = {**into["args"], **value}
        else:
            into[key] = value


def _variable(spec: Any, name: str, environ: Mapping[str, str]) -> str | None:
    if name in environ:
        return environ[name]
    default = spec.get("default") if isinstance(spec, Mapping) else None
    return _scalar(default) if default is None or "${" not in str(default) else None


def _scalar(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, str | int | float) else None


def _default_targets(definitions: _Definitions) -> list[str]:
    if "default" in definitions.groups:
        return _group_targets(definitions, "default", [])
    if "default" in definitions.targets:
        return ["default"]
    return list(definitions.targets)


def _group_targets(definitions: _Definitions, group: str, seen: list[str]) -> list[str]:
    if group in seen or len(seen) >= MAX_CHAIN:
        raise InputError(f"bake group {group!r} includes itself or nests more than {MAX_CHAIN} groups deep")
    names: list[str] = []
    for member in definitions.groups[group]:
        if member in definitions.targets:
            more = [member]
        elif member in definitions.groups:
            more = _group_targets(definitions, member, [*seen, group])
        else:
            raise InputError(f"bake group {group!r} names {member!r}, which is neither a target nor a group")
        names.extend(name for name in more if name not in names)
    return names


def _resolved(targets: Mapping[str, dict[str, Any]], name: str, seen: list[str]) -> dict[str, Any]:
    """A target's attributes with those it inherits: each parent's in order, then its own."""
    if name not in targets:
        raise InputError(f"bake target {seen[-1]!r} inherits from {name!r}, which is not a target")
    if name in seen or len(seen) >= MAX_CHAIN:
        raise InputError(f"bake target {seen[0]!r} inherits from itself or more than {MAX_CHAIN} levels deep")
    own = targets[name]
    parents = own.get("inherits", [])
    attributes: dict[str, Any] = {}
    for parent in parents if isinstance(parents, list) else [parents]:
        _merge(attributes, _resolved(targets, str(parent), [*seen, name]))
    _merge(attributes, {k: v for k, v in own.items() if k != "inherits"})
    return attributes


def _target(
    name: str, attributes: Mapping[str, Any], variables: Mapping[str, str | None], notes: list[str]
) -> BakeTarget | None:
    values = {}
    for key, default in (("context", "."), ("dockerfile", "Dockerfile"), ("target", None)):
        raw = attributes.get(key, default)
        value = None if raw is None else _interpolated(_scalar(raw) or "", variables)
        if raw is not None and value is None:
            notes.append(f"bake target {name!r}: {key} {raw!r} needs more than variables; target not linted")
            return None
        values[key] = value
    if "dockerfile-inline" in attributes:
        notes.append(f"bake target {name!r}: an inline Dockerfile is not linted")
        return None
    context = values["context"] or "."
    if _REMOTE_CONTEXT.match(context):
        notes.append(f"bake target {name!r}: remote context {context!r} is not linted")
        return None
    args: dict[str, str] = {}
    raw_args = attributes.get("args", {})
    for arg, raw in raw_args.items() if isinstance(raw_args, Mapping) else ():
        value = _interpolated(_scalar(raw) or "", variables) if raw is not None else None
        if value is not None:
            args[str(arg)] = value
        elif raw is not None:
            notes.append(
                f"bake target {name!r}: arg {arg} = {raw!r} needs more than variables; its ARG default applies"
            )
    dockerfile = values["dockerfile"] or "Dockerfile"
    path = dockerfile if posixpath.isabs(dockerfile) else posixpath.normpath(posixpath.join(context, dockerfile))
    try:
        build = BuildOptions(args, values["target"] or None)
    except InputError as exc:
        raise InputError(f"bake target {name!r}: {exc}") from None
    return BakeTarget(name, path, context, build)


def _interpolated(value: str, variables: Mapping[str, str | None]) -> str | None:
    """``value`` with each ``${NAME}`` replaced by the variable's value and ``$${`` by ``${``; None when an
    interpolation is anything else (a function call, an expression, a name without a value)."""
    unknown = False

    def replace(match: re.Match[str]) -> str:
        nonlocal unknown
        if match.group(0) == "$${":
            return "${"
        name = match.group(1)
        value = variables.get(name) if name and match.group(2) else None
        if value is None:
            unknown = True
            return ""
        return value

    out = _INTERPOLATION.sub(replace, value)
    return None if unknown else out
