from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.edits import bind_to_localhost
from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class DatabasePortExposed(ComposeRule):
    id = "DC025"
    slug = "database-port-exposed"
    severity = Severity.WARNING
    title = "A database or cache port is published on every interface"
    rationale = (
        "Databases and caches published on 0.0.0.0 are reachable from the network (Docker's iptables rules "
        "bypass host firewalls), and scanners find open Redis, MongoDB and Elasticsearch within hours. "
        "Other services reach them over the Compose network; a developer needs 127.0.0.1 at most."
    )
    bad = "services:\n  db:\n    image: postgres:17\n    ports:\n      - '5432:5432'"
    good = "services:\n  db:\n    image: postgres:17\n    ports:\n      - '127.0.0.1:5432:5432'"
    fix_title = "Publish the port on 127.0.0.1 only"

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            for binding in service.ports:
                if not binding.on_all_interfaces or not binding.known:
                    continue
                known = binding.data_service
                if not known:
                    continue
                edits = bind_to_localhost(binding, document.lines)
                yield self.finding(
                    binding.node.span,
                    Message(
                        "service {name!r} publishes {known} port {target} on every host interface",
                        name=service.name,
                        known=known,
                        target=binding.target,
                    ),
                    Fix(self.fix_title, edits, safe=bool(edits)),
                )
