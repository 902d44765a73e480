from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Scalar, Sequence
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

# `security_opt` entries that switch a kernel confinement off (Docker takes `:` or `=` between key and value).
_DISABLED = re.compile(
    r"^\s*(seccomp[:=]unconfined|apparmor[:=]unconfined|label[:=]disable|systempaths[:=]unconfined)\s*$", re.IGNORECASE
)


@register
class SecurityProfileDisabled(ComposeRule):
    id = "DC063"
    slug = "security-profile-disabled"
    severity = Severity.WARNING
    title = "A service switches off seccomp, AppArmor or SELinux confinement"
    rationale = (
        "`seccomp:unconfined` lets the container make every system call (the kernel's whole attack surface), "
        "`apparmor:unconfined` and `label:disable` drop the mandatory access control that keeps a compromised "
        "process away from host files, and `systempaths=unconfined` unmasks /proc and /sys. Each removes a wall "
        "between the container and the host."
    )
    bad = "services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - seccomp:unconfined"
    good = "services:\n  app:\n    image: example/app:1.0\n    security_opt:\n      - no-new-privileges:true"
    fix_title = "Remove the entry, or give a profile that allows only the system calls the service needs"
    notes = (
        "A custom profile (`seccomp=./profile.json`, `apparmor=my-profile`) is left alone; so are SELinux "
        "labels that set a type or level (`label=type:svirt_apache_t`)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            options = service.get("security_opt")
            if not isinstance(options, Sequence):
                continue
            for item in options.items:
                if isinstance(item, Scalar) and not item.unresolved and _DISABLED.match(item.text):
                    yield self.finding(
                        item.span,
                        Message("service {name!r} runs with {option}", name=service.name, option=item.text.strip()),
                    )
