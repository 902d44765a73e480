from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping, Scalar, Sequence
from dockwright.compose.ordering import locale_key
from dockwright.compose.reorder import reorder
from dockwright.context import LintContext
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

# dclint's groups, in order: core, dependencies, data, environment, network, runtime, metadata, security;
# other keys follow alphabetically.
KEY_ORDER = (
    "image", "build", "container_name",
    "depends_on",
    "volumes", "volumes_from", "configs", "secrets",
    "environment", "env_file",
    "ports", "networks", "network_mode", "extra_hosts",
    "command", "entrypoint", "working_dir", "restart", "healthcheck",
    "logging", "labels",
    "user", "isolation",
)  # fmt: skip


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
    notes = (
        "Keys a merge key brings in (`<<: *defaults`) are judged in the mapping they are written in: when its "
        "order is wrong, the finding is on the `<<` line of each service using it; where `<<` stands among "
        "the service's own keys does not matter (dclint sorts `<<` as an unknown key)."
        " The fix (applied by `--fix`) moves whole entries with their comments, anchors and quotes; it is "
        "offered only when the rewritten file reads back as the same data (an alias moved before its anchor, "
        "a flow mapping or several entries on one line are left alone)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            late = misplaced_keys([key for key, _ in service.body.own_pairs])
            if late:
                edits = _sorted(document, ("services", service.name), service.body)
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
                    late = misplaced_keys([key for key, _ in source.own_pairs])
                    if late:
                        edits = _sorted(document, _top_level_path(document, source), source)
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


def _sorted(document: ComposeFile, path: tuple[str, ...] | None, mapping: Mapping) -> tuple[Edit, ...]:
    """The edits sorting a service's keys (merge keys first, where dclint also puts them)."""
    if path is None:
        return ()
    keys = [key for key, _ in mapping.own_pairs]
    others = sorted((k.raw for k in keys if k.raw not in KEY_ORDER), key=locale_key)
    order = {name: position for position, name in enumerate([*KEY_ORDER, *others])}
    merges = [key for key, _ in mapping.merges]
    return reorder(document, path, [*merges, *sorted(keys, key=lambda key: order[key.raw])])


def _top_level_path(document: ComposeFile, node: Mapping) -> tuple[str, ...] | None:
    """The path of an anchored mapping written at the top level (`x-defaults: &defaults`), if it is one."""
    top = document.mapping
    found = next((key.raw for key, value in top.own_pairs if value is node), None) if top is not None else None
    return (found,) if found is not None else None


def misplaced_keys(keys: list[Scalar]) -> list[Scalar]:
    """The keys that come after a key they should precede (as dclint counts them)."""
    others = sorted((k.raw for k in keys if k.raw not in KEY_ORDER), key=locale_key)
    order = {name: position for position, name in enumerate([*KEY_ORDER, *others])}
    late = []
    previous = -1
    for key in keys:
        position = order[key.raw]
        if position < previous:
            late.append(key)
        previous = position
    return late
