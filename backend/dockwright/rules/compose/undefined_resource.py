from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

_SINGULAR = {
    "networks": Message("network"),
    "volumes": Message("volume"),
    "secrets": Message("secret"),
    "configs": Message("config"),
}


@register
class UndefinedResource(ComposeRule):
    id = "DC007"
    slug = "undefined-resource"
    severity = Severity.ERROR
    title = "A service uses a network, volume, secret or config that is not defined"
    rationale = (
        "Named networks, volumes, secrets and configs must be declared at the top level; Compose refuses "
        "a service that uses an undeclared one."
    )
    bad = "services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data"
    good = (
        "services:\n  db:\n    image: postgres:17\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n"
        "volumes:\n  pgdata:"
    )
    fix_title = "Declare it under the top-level section, or fix the name"
    notes = (
        "Networks, volumes, secrets and configs declared in files pulled in with `include` count as "
        "declared. When an included file cannot be read (not among the analysed files, or outside the "
        "compose file's folder), nothing is reported: it may declare any name."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        project = document.project(context)
        if not project.complete:
            return
        defined = {section: project.defined(section) for section in _SINGULAR}
        defined["networks"].add("default")
        for service in document.services:
            for section, name, node in _uses(service):
                if name and name not in defined[section] and not (isinstance(node, Scalar) and node.unresolved):
                    yield self.finding(
                        node.span,
                        Message(
                            "service {name!r} uses undefined {SINGULAR} {name2!r} (not declared under top-level "
                            "`{section}`)",
                            name=service.name,
                            SINGULAR=_SINGULAR[section],
                            name2=name,
                            section=section,
                        ),
                    )


def _uses(service: Service) -> Iterator[tuple[str, str, Node]]:
    networks = service.get("networks")
    if isinstance(networks, Sequence):
        for item in networks.items:
            if isinstance(item, Scalar):
                yield "networks", item.text, item
    elif isinstance(networks, Mapping):
        for key, _ in networks.pairs:
            yield "networks", key.raw, key
    for mount in service.mounts:
        if mount.type == "volume" and mount.source:
            source = mount.node.get("source") if isinstance(mount.node, Mapping) else None
            yield "volumes", mount.source, source or mount.node
    for section in ("secrets", "configs"):
        items = service.get(section)
        if not isinstance(items, Sequence):
            continue
        for item in items.items:
            if isinstance(item, Scalar):
                yield section, item.text, item
            elif isinstance(item, Mapping):
                source = item.get("source")
                if isinstance(source, Scalar):
                    yield section, source.text, source
