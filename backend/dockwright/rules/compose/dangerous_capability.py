from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Scalar, Sequence
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

# Capabilities known to allow escaping the container.
DANGEROUS = {
    "ALL": Message("every capability"),
    "SYS_ADMIN": Message("mount, namespaces and much of what root can do"),
    "SYS_MODULE": Message("loading kernel modules"),
    "SYS_PTRACE": Message("tracing and injecting into processes"),
    "SYS_RAWIO": Message("raw access to devices and memory"),
    "DAC_READ_SEARCH": Message("reading any host file by handle"),
}


@register
class DangerousCapability(ComposeRule):
    id = "DC029"
    slug = "dangerous-capability"
    severity = Severity.WARNING
    title = "A service adds a capability that allows escaping the container"
    rationale = (
        "`cap_add: [ALL]` is `privileged` in all but name and SYS_ADMIN alone is enough to break out of "
        "most containers; add the narrow capability the program needs (e.g. NET_BIND_SERVICE)."
    )
    bad = "services:\n  app:\n    image: example/app:1.0\n    cap_add:\n      - SYS_ADMIN"
    good = "services:\n  app:\n    image: example/app:1.0\n    cap_add:\n      - NET_BIND_SERVICE"
    fix_title = "Add only the narrow capability the program needs"

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            cap_add = service.get("cap_add")
            if not isinstance(cap_add, Sequence):
                continue
            for item in cap_add.items:
                if not isinstance(item, Scalar):
                    continue
                name = item.text.strip().upper().removeprefix("CAP_")
                if name in DANGEROUS:
                    yield self.finding(
                        item.span,
                        Message(
                            "service {name!r} adds {name2} ({DANGEROUS})",
                            name=service.name,
                            name2=name,
                            DANGEROUS=DANGEROUS[name],
                        ),
                    )
