from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Scalar
from dockwright.context import LintContext
from dockwright.dockerfile.queries.verification import VARIABLES, connection_option_off
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._servers import environment_entries


@register
class ComposeVerificationOff(ComposeRule):
    id = "DC055"
    slug = "environment-verification-off"
    severity = Severity.WARNING
    title = "A service's environment switches certificate checks off"
    rationale = (
        "`TrustServerCertificate=True` in a connection string, or NODE_TLS_REJECT_UNAUTHORIZED=0, makes the "
        "client accept any certificate: TLS still encrypts, but whoever sits between the service and its "
        "database or API can read and change the traffic. Give the client the CA that signed the server's "
        "certificate instead."
    )
    bad = (
        "services:\n  api:\n    image: acme/api:1.4\n    environment:\n"
        "      DB: Server=sql,1433;Database=app;TrustServerCertificate=True\n"
    )
    good = (
        "services:\n  api:\n    image: acme/api:1.4\n    environment:\n"
        "      DB: Server=sql,1433;Database=app;Encrypt=True\n"
    )
    fix_title = "Keep certificate checks on (trust the server's CA, e.g. with a mounted certificate)"
    notes = (
        "Connection-string and URL options (`TrustServerCertificate=True`, `tlsInsecure=true`, "
        "`tlsAllowInvalidCertificates=true`, `ssl_cert_reqs=none`, `rejectUnauthorized=false`...) and the "
        "variables of DF119 (NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, "
        "NPM_CONFIG_STRICT_SSL=false, PIP_TRUSTED_HOST) in `environment`."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            for name, value, node in environment_entries(service, unresolved=True):
                entry = VARIABLES.get(name)
                if entry is not None and entry[0](value):
                    yield self.finding(
                        node.span,
                        Message(
                            "{name}={value} in service {name2!r}: {entry}",
                            name=name,
                            value=value,
                            name2=service.name,
                            entry=entry[1],
                        ),
                    )
                    continue
                match = connection_option_off(value)
                if match is not None and isinstance(node, Scalar):
                    option = match.group("option")
                    yield self.finding(
                        node.span,
                        Message(
                            "`{option}` in {name} of service {name2!r} accepts any server certificate: whoever sits on "
                            "the path can read and change the traffic",
                            option=option,
                            name=name,
                            name2=service.name,
                        ),
                    )
