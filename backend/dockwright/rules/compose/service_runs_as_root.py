from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class RootUser(ComposeRule):
    id = "DC064"
    slug = "service-runs-as-root"
    severity = Severity.INFO
    title = "A service is set to run as root"
    rationale = (
        "`user: root` (or uid 0) overrides the unprivileged user an image may have chosen: a process that is "
        "compromised, or a bug in a volume's permissions, then acts as root in the container, one kernel flaw "
        "away from root on the host."
    )
    bad = "services:\n  app:\n    image: example/app:1.0\n    user: root"
    good = "services:\n  app:\n    image: example/app:1.0\n    user: '1000:1000'"
    fix_title = "Run as an unprivileged user (`user: '1000:1000'`), and give volumes to that user"
    notes = (
        "Only a `user` written in the compose file is judged; what the image runs as is the Dockerfile's "
        "concern (DF005, hadolint's DL3002, through DC037 for a service that builds). `root` with another "
        "group (`root:www-data`) and uid 0 count; a variable without a value (`${UID}`) is not judged. dclint "
        "has no such rule (its src/rules)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            node = service.scalar("user")
            if node is None or node.unresolved or node.value is None:
                continue
            user = node.text.strip().partition(":")[0]
            if user in ("root", "0"):
                yield self.finding(
                    node.span, Message("service {name!r} runs as {user}", name=service.name, user=node.text.strip())
                )
