from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

_WHAT = {
    "network_mode": Message("the host's network stack (every host port and interface)"),
    "pid": Message("the host's processes (it can see and signal them)"),
    "ipc": Message("the host's shared memory and semaphores"),
    "uts": Message("the host's hostname"),
    "userns_mode": Message("the host's user namespace (no user remapping)"),
}


@register
class HostNamespace(ComposeRule):
    id = "DC028"
    slug = "host-namespace"
    severity = Severity.WARNING
    title = "A service shares a host namespace (network, PID, IPC...)"
    rationale = (
        "Sharing a host namespace removes a layer of isolation: with `network_mode: host` the container "
        "can bind any host port and reach services listening on localhost, with `pid: host` it sees every "
        "host process."
    )
    bad = "services:\n  app:\n    image: example/app:1.0\n    network_mode: host"
    good = "services:\n  app:\n    image: example/app:1.0\n    ports:\n      - '127.0.0.1:8080:8080'"
    fix_title = "Use the container's own namespace; publish ports instead of using the host network"

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            for setting, what in _WHAT.items():
                node = service.scalar(setting)
                if node is not None and node.text.lower() == "host":
                    yield self.finding(
                        node.span,
                        Message(
                            "service {name!r} shares {what} ({setting}: host)",
                            name=service.name,
                            what=what,
                            setting=setting,
                        ),
                    )
