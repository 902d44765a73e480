from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.ports import exposed_ports
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

PROTOCOLS = ("tcp", "udp", "sctp")


def port_problem(port_range: str) -> str | None:
    """Why a port or `start-end` range is invalid, or None."""
    start, dash, end = port_range.partition("-")
    bounds = [start, end] if dash else [start]
    for bound in bounds:
        if not bound.isdigit():
            return (
                Message("`{bound}` is not a port number", bound=bound) if bound else Message("a port number is missing")
            )
        if len(bound.lstrip("0")) > 5 or int(bound) > 65535:
            return Message("{bound} is outside the port range 0-65535", bound=bound)
    if dash and int(end.lstrip("0") or "0") < int(start.lstrip("0") or "0"):
        return Message("the range {port_range} ends before it starts", port_range=port_range)
    return None


@register
class ExposeInvalidPort(Rule):
    id = "DF029"
    slug = "expose-invalid-port"
    severity = Severity.ERROR
    title = "EXPOSE of an invalid port"
    rationale = (
        "Ports are numbers from 0 to 65535, with an optional tcp, udp or sctp protocol. BuildKit refuses to "
        "build an image with anything else in EXPOSE."
    )
    bad = "FROM nginx:1.27\nEXPOSE 80800\n"
    good = "FROM nginx:1.27\nEXPOSE 8080\n"
    fix_title = "Expose a port number from 0 to 65535"
    equivalents = {"hadolint": "DL3011"}
    notes = (
        "Besides hadolint's range check, non-numeric ports, backwards ranges and unknown protocols (which "
        "BuildKit rejects) are reported. Ports from unresolved variables are not judged."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "EXPOSE"):
            for spec in exposed_ports(instruction):
                problem = port_problem(spec.container_port)
                if problem is None and spec.protocol and spec.protocol.lower() not in PROTOCOLS:
                    problem = Message("`{protocol}` is not a protocol (tcp, udp or sctp)", protocol=spec.protocol)
                if problem is not None:
                    yield self.finding(
                        spec.word.span, Message("EXPOSE `{spec}`: {problem}", spec=spec.text, problem=problem)
                    )
