from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Fix, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import commands_of, insert_after, subcommand_operands

# Subcommands that ask for confirmation, shared with the dnf rules.
CONFIRMING = (
    "install",
    "groupinstall",
    "localinstall",
    "reinstall",
    "update",
    "upgrade",
    "remove",
    "erase",
    "downgrade",
    "distro-sync",
    "group",
    "module",
    "autoremove",
)
VALUE_FLAGS = frozenset(
    [
        "-c",
        "--config",
        "--setopt",
        "--installroot",
        "--releasever",
        "-x",
        "--exclude",
        "--enablerepo",
        "--disablerepo",
        "--repo",
        "--repoid",
        "-d",
        "--debuglevel",
        "-e",
        "--errorlevel",
    ]
)


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
        for _, command in commands_of(document, "yum"):
            if subcommand_operands(command, CONFIRMING, VALUE_FLAGS) is None:
                continue
            if command.has_flag("-y", "--assumeyes"):
                continue
            fix = Fix(self.fix_title, (insert_after(command.name, " -y"),), safe=True)
            yield self.finding(command.name.span, "`yum` without `-y` waits for a confirmation", fix)
