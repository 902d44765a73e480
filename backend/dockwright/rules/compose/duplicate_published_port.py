from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.ports import ALL_INTERFACES
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class DuplicatePublishedPort(ComposeRule):
    id = "DC009"
    slug = "duplicate-published-port"
    severity = Severity.ERROR
    title = "Two services publish the same host port"
    rationale = (
        "Only one container can listen on a host address and port; the second service fails to start "
        "with 'port is already allocated'."
    )
    bad = (
        "services:\n  a:\n    image: nginx:1.27\n    ports:\n      - '8080:80'\n"
        "  b:\n    image: httpd:2.4\n    ports:\n      - '8080:80'"
    )
    good = (
        "services:\n  a:\n    image: nginx:1.27\n    ports:\n      - '8080:80'\n"
        "  b:\n    image: httpd:2.4\n    ports:\n      - '8081:80'"
    )
    fix_title = "Publish one of them on another host port"
    equivalents = {"dclint": "no-duplicate-exported-ports"}
    notes = (
        "Like Docker, we compare the host address too: 127.0.0.1:80 and 127.0.0.2:80 do not clash, while "
        "an unbound port clashes with every address. dclint ignores addresses."
        " Override files (and `-f` lists) count, merged as Compose merges them; each file reports what it"
        " writes."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        taken: dict[tuple[int, str], list[tuple[str, str]]] = {}
        # Ports as the project publishes them (override files merged in); reported where written here.
        for service in document.project(context).in_order():
            for binding in service.ports:
                if not binding.known:
                    continue
                clash = None
                for port in binding.published_ports():
                    for owner, host_ip in taken.get((port, binding.protocol), []):
                        if _overlap(host_ip, binding.host_ip):
                            clash = (port, owner)
                            break
                    if clash:
                        break
                if clash and document.owns(binding.node):
                    port, owner = clash
                    yield self.finding(
                        binding.node.span,
                        Message(
                            "service {name!r} publishes host port {port}/{protocol}, already published by service "
                            "{owner!r}",
                            name=service.name,
                            port=port,
                            protocol=binding.protocol,
                            owner=owner,
                        ),
                    )
                for port in binding.published_ports():
                    taken.setdefault((port, binding.protocol), []).append((service.name, binding.host_ip))


def _overlap(first: str, second: str) -> bool:
    return first == second or first in ALL_INTERFACES or second in ALL_INTERFACES
