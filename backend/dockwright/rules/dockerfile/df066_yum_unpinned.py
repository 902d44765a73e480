from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.shell import ShellCommand, ShellWord
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import commands_of, subcommand_operands
from dockwright.rules.dockerfile.df064_yum_without_yes import VALUE_FLAGS

# `name-1.2.3`, `name-1.2-3.el9`, an epoch `name-2:1.0`, or a module stream `nodejs:20`.
_VERSIONED = re.compile(r"-\d|:")
INSTALLING = ("install", "groupinstall", "localinstall", "reinstall")


def rpm_install_operands(command: ShellCommand, value_flags: frozenset[str]) -> list[ShellWord]:
    """Packages of `yum|dnf install ...` and of `yum|dnf module install ...` (shared by the yum and dnf rules)."""
    packages = subcommand_operands(command, INSTALLING, value_flags)
    if packages is not None:
        return packages
    module = subcommand_operands(command, ("module",), value_flags)
    if module and module[0].value == "install":
        return module[1:]
    return []


def unpinned_rpm(value: str) -> bool:
    """True for an rpm package name without a version (shared by the yum and dnf rules)."""
    return not _VERSIONED.search(value) and not value.endswith(".rpm") and "/" not in value and "*" not in value


@register
class YumUnpinned(Rule):
    id = "DF066"
    slug = "yum-unpinned"
    severity = Severity.WARNING
    title = "yum installs a package without a version"
    rationale = (
        "`yum install httpd` installs whatever the repository has on the day of the build; `httpd-2.4.57` "
        "keeps builds reproducible."
    )
    bad = "FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n"
    good = "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all\n"
    fix_title = "Pin the version (`httpd-2.4.57`)"
    equivalents = {"hadolint": "DL3033"}
    notes = (
        "A version is `-` followed by a digit: hadolint takes any `-` as a version, so it misses "
        "`python3-devel`, which we report."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "yum"):
            for word in rpm_install_operands(command, VALUE_FLAGS):
                if word.literal and unpinned_rpm(word.value):
                    yield self.finding(word.span, f"`{word.value}` is installed by yum without a version")
