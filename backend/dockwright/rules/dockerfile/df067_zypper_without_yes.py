from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Fix, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import commands_of, insert_after, subcommand_operands

CONFIRMING = ("install", "in", "remove", "rm", "source-install", "si", "patch", "update", "up", "dist-upgrade", "dup")
VALUE_FLAGS = frozenset(["-r", "--repo", "--from", "-t", "--type", "--root", "-R", "-c", "--config", "--releasever"])


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
        for _, command in commands_of(document, "zypper"):
            if subcommand_operands(command, CONFIRMING, VALUE_FLAGS) is None:
                continue
            if command.has_flag("-n", "--non-interactive", "-y", "--no-confirm"):
                continue
            fix = Fix(self.fix_title, (insert_after(command.name, " -n"),), safe=True)
            yield self.finding(command.name.span, "`zypper` without `-n` waits for a confirmation", fix)
