from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import insert_after
from dockwright.dockerfile.queries.packages import YUM, package_commands
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class YumWithoutYes(Rule):
    id = "DF064"
    slug = "yum-without-yes"
    severity = Severity.WARNING
    title = "yum runs without `-y`"
    rationale = "Without `-y` yum waits for a confirmation nobody can give during a build, and the build fails."
    bad = "FROM rockylinux:9\nRUN yum install httpd-2.4.57 && yum clean all\n"
    good = "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all\n"
    fix_title = "Add `-y` to yum"
    equivalents = {"hadolint": "DL3030"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, YUM):
            if not use.confirmed:
                fix = Fix(self.fix_title, (insert_after(use.command.name, "-y"),), safe=True)
                yield self.finding(use.command.name.span, Message("`yum` without `-y` waits for a confirmation"), fix)
