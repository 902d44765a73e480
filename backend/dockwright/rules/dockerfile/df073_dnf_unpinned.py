from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import DNF, MICRODNF, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class DnfUnpinned(Rule):
    id = "DF073"
    slug = "dnf-unpinned"
    severity = Severity.WARNING
    title = "dnf installs a package without a version"
    rationale = (
        "`dnf install httpd` installs whatever the repository has on the day of the build; `httpd-2.4.62` "
        "keeps builds reproducible."
    )
    bad = "FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n"
    good = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n"
    fix_title = "Pin the version (`httpd-2.4.62`)"
    equivalents = {"hadolint": "DL3041"}
    notes = (
        "A version is `-` followed by a digit (hadolint takes any `-`, missing `python3-devel`). `dnf in`, `rei` "
        "and `module install` count as installs; package groups have no version and are not reported. A version "
        "from a variable is judged as the RUN sees it: one that only another stage sets (ARG or ENV) is empty "
        "here, since a stage sees only the ARGs it declares; hadolint accepts such an ARG."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, DNF, MICRODNF):
            for word in use.unpinned():
                yield self.finding(
                    word.span,
                    Message(
                        "`{word}` is installed by {program} without a version",
                        word=word.value,
                        program=use.command.program,
                    ),
                )
