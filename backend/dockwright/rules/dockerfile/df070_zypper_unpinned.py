from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import ZYPPER, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ZypperUnpinned(Rule):
    id = "DF070"
    slug = "zypper-unpinned"
    severity = Severity.WARNING
    title = "zypper installs a package without a version"
    rationale = (
        "`zypper install httpd` installs whatever the repository has on the day of the build; "
        "`httpd=2.4.58` keeps builds reproducible."
    )
    bad = "FROM opensuse/leap:15.6\nRUN zypper -n install httpd && zypper clean\n"
    good = "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean\n"
    fix_title = "Pin the version (`httpd=2.4.58` or `httpd>=2.4`)"
    equivalents = {"hadolint": "DL3037"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, ZYPPER):
            for word in use.unpinned():
                yield self.finding(
                    word.span, Message("`{word}` is installed by zypper without a version", word=word.value)
                )
