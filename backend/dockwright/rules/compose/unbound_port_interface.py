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
class UnboundPortInterface(ComposeRule):
    id = "DC014"
    slug = "unbound-port-interface"
    severity = Severity.INFO
    title = "A published port listens on every interface of the host"
    rationale = (
        "Without a host address, Docker publishes the port on all interfaces and adds firewall rules that "
        "bypass ufw/firewalld; bind to 127.0.0.1 unless the port is meant to be public."
    )
    bad = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8080:80'"
    good = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '127.0.0.1:8080:80'"
    fix_title = "Bind the port to 127.0.0.1 (or the interface meant to serve it)"
    equivalents = {"dclint": "no-unbound-port-interfaces"}
    notes = (
        "The fix is offered but not applied by `--fix`: for a port meant to be public, binding it to "
        "127.0.0.1 breaks the service. Database and cache ports are DC025's (one finding per port, unless "
        "DC025 is switched off), which applies the same fix safely. "
        "An explicit 0.0.0.0 is a stated choice and is not reported."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        # One finding per port: a database or cache port is DC025's, which says more (when it runs).
        database_rule = "DC025"
        database_rule_runs = database_rule not in context.config.ignore and (
            context.config.severity.get(database_rule) is not Severity.NONE
        )
        for service in document.services:
            for binding in service.ports:
                if binding.host_ip or not binding.known:
                    continue
                if database_rule_runs and binding.data_service:
                    continue
                fix = Fix(self.fix_title, bind_to_localhost(binding, document.lines), safe=False)
                yield self.finding(
                    binding.node.span,
                    Message(
                        "service {name!r} publishes port {target} on every host interface",
                        name=service.name,
                        target=binding.target,
                    ),
                    fix,
                )
