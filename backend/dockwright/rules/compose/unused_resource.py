from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Mapping, Scalar, Sequence
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

# Compose's own network: every service without `networks` joins it, so declaring it only configures it.
_IMPLICIT_NETWORKS = frozenset({"default"})


@register
class UnusedResource(ComposeRule):
    id = "DC068"
    slug = "unused-resource"
    severity = Severity.INFO
    title = "A volume or network is declared but no service uses it"
    rationale = (
        "A declaration no service uses is either left over (Compose still creates the volume or network, and "
        "readers look for who needs it) or a mistake: a service meant to use it names another, or mounts a "
        "host path of the same name."
    )
    bad = "services:\n  db:\n    image: postgres:17\nvolumes:\n  db-data:"
    good = (
        "services:\n  db:\n    image: postgres:17\n    volumes:\n      - db-data:/var/lib/postgresql/data\n"
        "volumes:\n  db-data:"
    )
    fix_title = "Remove the declaration, or use it in the service that needs it"
    notes = (
        "The services are the project's: the file's, its override's (or the `-f` files'), and what it "
        "`include`s and `extends`. A project with a file that cannot be read, or a service whose volumes or "
        "networks use a variable without a value, is not judged. The `default` network is used implicitly. "
        "dclint has no such rule (its src/rules)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        if document.mapping is None:
            return
        project = document.project(context)
        if not project.complete:
            return
        services = project.all_services()
        for section, used in (("volumes", _volumes_used(services)), ("networks", _networks_used(services))):
            declared = document.top(section)
            if used is None or not isinstance(declared, Mapping):
                continue
            for key, _ in declared.pairs:
                if key.raw not in used and key.raw not in _IMPLICIT_NETWORKS:
                    yield self.finding(key.span, _MESSAGES[section](key.raw))


_MESSAGES = {
    "volumes": lambda name: Message("volume {name!r} is declared but no service uses it", name=name),
    "networks": lambda name: Message("network {name!r} is declared but no service uses it", name=name),
}


def _volumes_used(services: list[Service]) -> set[str] | None:
    """Named volumes the services mount; None when one cannot be read (a variable without a value)."""
    used: set[str] = set()
    for service in services:
        node = service.get("volumes")
        if isinstance(node, Sequence) and any(isinstance(item, Scalar) and item.unresolved for item in node.items):
            return None
        used.update(mount.source for mount in service.mounts if mount.type == "volume" and mount.source)
    return used


def _networks_used(services: list[Service]) -> set[str] | None:
    used: set[str] = set()
    for service in services:
        node = service.get("networks")
        if isinstance(node, Mapping):
            used.update(key.raw for key, _ in node.pairs)
        elif isinstance(node, Sequence):
            for item in node.items:
                if not isinstance(item, Scalar) or item.unresolved:
                    return None
                used.add(item.text)
    return used
