from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Node
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class DependencyCycle(ComposeRule):
    id = "DC008"
    slug = "dependency-cycle"
    severity = Severity.ERROR
    title = "Services depend on each other in a cycle"
    rationale = (
        "Compose starts a service after those it depends on, and refuses a project whose dependencies form "
        "a cycle (`dependency cycle detected`)."
    )
    bad = (
        "services:\n  a:\n    image: busybox:1.37\n    depends_on: [b]\n"
        "  b:\n    image: busybox:1.37\n    depends_on: [a]"
    )
    good = "services:\n  a:\n    image: busybox:1.37\n    depends_on: [b]\n  b:\n    image: busybox:1.37"
    fix_title = "Remove one of the dependencies in the cycle"
    notes = (
        "Dependencies are those Compose orders services by: `depends_on`, and what compose-go adds to it, "
        "`links`, `volumes_from` (other than `container:...`) and a `service:<name>` namespace "
        "(`network_mode`, `ipc`, `pid`, `uts`, `cgroup`). The finding points at the first dependency of the "
        "cycle as written in this file."
        " Override files (and `-f` lists) count, merged as Compose merges them; each file reports what it"
        " writes."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        # The project's services as merged from all its files; a cycle is reported in each file that writes
        # one of its links, at the first such link.
        project = document.project(context)
        edges: dict[str, list[tuple[str, Node]]] = {
            service.name: service.start_dependencies() for service in [*project.services, *project.other_services]
        }
        reported: set[frozenset[str]] = set()
        for start in [service.name for service in project.services]:
            cycle = _cycle_from(start, edges)
            if cycle is None or frozenset(cycle) in reported:
                continue
            node = next(node for name, node in edges[start] if name == cycle[1 % len(cycle)])
            if not document.owns(node):
                continue
            reported.add(frozenset(cycle))
            path = " -> ".join([*cycle, cycle[0]])
            yield self.finding(node.span, Message("dependency cycle: {path}", path=path))


def _cycle_from(start: str, edges: dict[str, list[tuple[str, Node]]]) -> list[str] | None:
    """A cycle through ``start`` (as the list of services in order), found depth-first."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    visited: set[str] = set()
    while stack:
        current, path = stack.pop()
        for name, _ in edges.get(current, []):
            if name == start:
                return path
            if name in edges and name not in visited:
                visited.add(name)
                stack.append((name, [*path, name]))
    return None
