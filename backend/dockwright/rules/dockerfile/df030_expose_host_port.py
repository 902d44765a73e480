from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.ports import PortSpec, exposed_ports
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ExposeHostPort(Rule):
    id = "DF030"
    slug = "expose-host-port"
    severity = Severity.WARNING
    title = "EXPOSE with a host port or IP address"
    rationale = (
        "EXPOSE documents the ports the container listens on; publishing to the host is decided at run "
        "time (`docker run -p`, compose `ports:`). A host port or IP in EXPOSE (`8080:80`) is ignored, "
        "misleads readers, and BuildKit may reject it in the future."
    )
    bad = "FROM nginx:1.27\nEXPOSE 8080:80\n"
    good = "FROM nginx:1.27\nEXPOSE 80\n"
    fix_title = "Expose only the container port; publish host ports at run time"
    equivalents = {"buildkit": "ExposeInvalidFormat"}
    notes = "The fix keeps exactly what BuildKit uses today (the container port and protocol), so it is safe."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "EXPOSE"):
            for spec in exposed_ports(instruction):
                if spec.ip or spec.host_port:
                    yield self.finding(
                        spec.word.span,
                        Message("EXPOSE `{spec}` names a host address", spec=spec.text)
                        if spec.ip
                        else Message("EXPOSE `{spec}` names a host port", spec=spec.text),
                        _container_only(spec),
                    )


def _container_only(spec: PortSpec) -> Fix | None:
    if spec.word.text != spec.text:  # written with variables or quotes: leave it to the author
        return None
    kept = spec.container_port + (f"/{spec.protocol}" if spec.protocol else "")
    return Fix(Message("Expose `{kept}`", kept=kept), (Edit(spec.word.span, kept),), safe=True)
