from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import insert_after
from dockwright.dockerfile.queries.packages import DNF, MICRODNF, package_commands
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class DnfWithoutYes(Rule):
    id = "DF071"
    slug = "dnf-without-yes"
    severity = Severity.WARNING
    title = "dnf runs without `-y`"
    rationale = "Without `-y` dnf waits for a confirmation nobody can give during a build, and the build fails."
    bad = "FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n"
    good = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n"
    fix_title = "Add `-y` to dnf"
    equivalents = {"hadolint": "DL3038"}
    notes = (
        "dnf and dnf5 are checked with their aliases (`in`, `up`, `up-min`, `rei`), and microdnf as in "
        "hadolint: it assumed yes until EL8, but asks for confirmation on EL9 and later (and as dnf5 on "
        "Fedora)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, DNF, MICRODNF):
            if not use.confirmed:
                command = use.command
                fix = Fix(self.fix_title, (insert_after(command.name, "-y"),), safe=True)
                yield self.finding(
                    command.name.span,
                    Message("`{program}` without `-y` waits for a confirmation", program=command.program),
                    fix,
                )
