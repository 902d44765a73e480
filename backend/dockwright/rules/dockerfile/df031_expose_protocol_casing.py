from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.ports import exposed_ports
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ExposeProtocolCasing(Rule):
    id = "DF031"
    slug = "expose-protocol-casing"
    severity = Severity.STYLE
    title = "EXPOSE protocol not in lower case"
    rationale = (
        "Protocols are written `tcp`, `udp` and `sctp`. BuildKit lower-cases `80/TCP` and warns; other tools "
        "reading the Dockerfile may not."
    )
    bad = "FROM nginx:1.27\nEXPOSE 80/TCP\n"
    good = "FROM nginx:1.27\nEXPOSE 80/tcp\n"
    fix_title = "Write the protocol in lower case"
    equivalents = {"buildkit": "ExposeProtoCasing"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "EXPOSE"):
            for spec in exposed_ports(instruction):
                if spec.protocol == spec.protocol.lower():
                    continue
                fix = None
                if spec.word.text == spec.text:
                    fixed = spec.text[: len(spec.text) - len(spec.protocol)] + spec.protocol.lower()
                    fix = Fix(Message("Write `{fixed}`", fixed=fixed), (Edit(spec.word.span, fixed),), safe=True)
                yield self.finding(
                    spec.word.span, Message("EXPOSE `{spec}`: write the protocol in lower case", spec=spec.text), fix
                )
