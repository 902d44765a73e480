from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import commands_of
from dockwright.rules.dockerfile.df064_yum_without_yes import VALUE_FLAGS
from dockwright.rules.dockerfile.df066_yum_unpinned import rpm_install_operands, unpinned_rpm
from dockwright.rules.dockerfile.df071_dnf_without_yes import DNF


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
    notes = "A version is `-` followed by a digit (hadolint takes any `-`, missing `python3-devel`)."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, *DNF):
            for word in rpm_install_operands(command, VALUE_FLAGS):
                if word.literal and unpinned_rpm(word.value):
                    yield self.finding(word.span, f"`{word.value}` is installed by {command.program} without a version")
