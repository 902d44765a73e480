from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping as AnyMapping
from typing import Any

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping, Scalar, Sequence
from dockwright.compose.ordering import locale_key
from dockwright.compose.reorder import reorder
from dockwright.context import LintContext
from dockwright.errors import ConfigError
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.options import RuleOption, words

# dclint's groups of keys (its ServiceKeyGroup), in its default order; other keys follow alphabetically.
DCLINT_GROUPS: dict[str, tuple[str, ...]] = {
    "Core Definitions": ("image", "build", "container_name"),
    "Service Dependencies": ("depends_on",),
    "Data Management and Configuration": ("volumes", "volumes_from", "configs", "secrets"),
    "Environment Configuration": ("environment", "env_file"),
    "Networking": ("ports", "networks", "network_mode", "extra_hosts"),
    "Runtime Behavior": ("command", "entrypoint", "working_dir", "restart", "healthcheck"),
    "Operational Metadata": ("logging", "labels"),
    "Security and Execution Context": ("user", "isolation"),
    "Other": (),
}
KEY_ORDER = tuple(key for keys in DCLINT_GROUPS.values() for key in keys)


@register
class UnorderedServiceKeys(ComposeRule):
    id = "DC020"
    slug = "unordered-service-keys"
    severity = Severity.STYLE
    title = "A service's keys are not in the conventional order"
    rationale = (
        "When every service lists image, build, dependencies, data, environment, network, runtime, "
        "metadata and security settings in the same order, reviewers find things without searching."
    )
    bad = "services:\n  web:\n    ports:\n      - '8080:80'\n    image: nginx:1.27"
    good = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8080:80'"
    fix_title = "Reorder the keys: " + ", ".join(KEY_ORDER) + ", then the others alphabetically"
    equivalents = {"dclint": "service-keys-order"}
    profile = "style"
    enabled_by_default = False
    options = (
        RuleOption("order", "the service keys in order; keys not listed follow, alphabetically", KEY_ORDER, words),
    )
    notes = (
        "Keys a merge key brings in (`<<: *defaults`) are judged in the mapping they are written in: when its "
        "order is wrong, the finding is on the `<<` line of each service using it; where `<<` stands among "
        "the service's own keys does not matter (dclint sorts `<<` as an unknown key)."
        " The fix (applied by `--fix`) moves whole entries with their comments, anchors and quotes; it is "
        "offered only when the rewritten file reads back as the same data (an alias moved before its anchor, "
        "a flow mapping or several entries on one line are left alone)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        wanted = self.option(context, "order")
        for service in document.services:
            late = misplaced_keys([key for key, _ in service.body.own_pairs], wanted)
            if late:
                edits = _sorted(document, ("services", service.name), service.body, wanted)
                fix = Fix(self.fix_title, edits, safe=bool(edits))
                for key in late:
                    yield self.finding(
                        key.span,
                        Message(
                            "key {key!r} of service {name!r} comes too late in the service",
                            key=key.raw,
                            name=service.name,
                        ),
                        fix,
                    )
            # Keys a merge key (`<<: *defaults`) brings in are written in the anchor, in its order: when that
            # order is wrong, the `<<` line of the service says so; where the `<<` stands is no concern.
            for merge_key, target in service.body.merges:
                for source in target.items if isinstance(target, Sequence) else [target]:
                    if not isinstance(source, Mapping):
                        continue
                    late = misplaced_keys([key for key, _ in source.own_pairs], wanted)
                    if late:
                        edits = _sorted(document, _top_level_path(document, source), source, wanted)
                        yield self.finding(
                            merge_key.span,
                            Message(
                                "the keys `<<` merges into service {name!r} (from line {start_line}) are out of order: "
                                "{late!r} comes too late",
                                name=service.name,
                                start_line=source.span.start_line,
                                late=late[0].raw,
                            ),
                            Fix(self.fix_title, edits, safe=bool(edits)),
                        )

    @classmethod
    def from_dclint_options(cls, given: AnyMapping[str, Any], where: str) -> dict[str, Any]:
        """dclint's `groups` (group name -> keys, replacing that group's defaults) and `groupOrder` (group names)
        as one list of keys in order."""
        unknown = sorted(set(given) - {"groups", "groupOrder"})
        if unknown:
            raise ConfigError(f"{where}: dclint's service-keys-order has no option {unknown[0]!r}")
        groups = dict(DCLINT_GROUPS)
        custom = given.get("groups", {})
        if not isinstance(custom, AnyMapping):
            raise ConfigError(f"{where}.groups must map group names to lists of keys")
        for name, keys in custom.items():
            if name not in groups:
                raise ConfigError(f"{where}.groups: unknown group {name!r} (known: {', '.join(groups)})")
            groups[name] = words(keys, f"{where}.groups.{name}")
        group_order = words(given.get("groupOrder", list(DCLINT_GROUPS)), f"{where}.groupOrder")
        for name in group_order:
            if name not in groups:
                raise ConfigError(f"{where}.groupOrder: unknown group {name!r} (known: {', '.join(groups)})")
        return {"order": list(dict.fromkeys(key for name in group_order for key in groups[name]))}


def _sorted(
    document: ComposeFile, path: tuple[str, ...] | None, mapping: Mapping, wanted: tuple[str, ...]
) -> tuple[Edit, ...]:
    """The edits sorting a service's keys (merge keys first, where dclint also puts them)."""
    if path is None:
        return ()
    keys = [key for key, _ in mapping.own_pairs]
    order = _positions(keys, wanted)
    merges = [key for key, _ in mapping.merges]
    return reorder(document, path, [*merges, *sorted(keys, key=lambda key: order[key.raw])])


def _top_level_path(document: ComposeFile, node: Mapping) -> tuple[str, ...] | None:
    """The path of an anchored mapping written at the top level (`x-defaults: &defaults`), if it is one."""
    top = document.mapping
    found = next((key.raw for key, value in top.own_pairs if value is node), None) if top is not None else None
    return (found,) if found is not None else None


def _positions(keys: list[Scalar], wanted: tuple[str, ...]) -> dict[str, int]:
    """Each key's place: the configured order, then the other keys alphabetically."""
    others = sorted((k.raw for k in keys if k.raw not in wanted), key=locale_key)
    return {name: position for position, name in enumerate([*wanted, *others])}


def misplaced_keys(keys: list[Scalar], wanted: tuple[str, ...] = KEY_ORDER) -> list[Scalar]:
    """The keys that come after a key they should precede (as dclint counts them)."""
    order = _positions(keys, wanted)
    late = []
    previous = -1
    for key in keys:
        position = order[key.raw]
        if position < previous:
            late.append(key)
        previous = position
    return late
