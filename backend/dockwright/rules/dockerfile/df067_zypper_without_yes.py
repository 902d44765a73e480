from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import insert_after
from dockwright.dockerfile.queries.packages import ZYPPER, package_commands
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ZypperWithoutYes(Rule):
    id = "DF067"
    slug = "zypper-without-yes"
    severity = Severity.WARNING
    title = "zypper runs without `-n` or `-y`"
    rationale = "Without `--non-interactive` or `-y`, zypper waits for a confirmation and the build fails."
    bad = "FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58 && zypper clean\n"
    good = "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean\n"
    fix_title = "Add `-n` (`--non-interactive`) to zypper"
    equivalents = {"hadolint": "DL3034"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, ZYPPER):
            if not use.confirmed:
                fix = Fix(self.fix_title, (insert_after(use.command.name, "-n"),), safe=True)
                yield self.finding(
                    use.command.name.span, Message("`zypper` without `-n` waits for a confirmation"), fix
                )
