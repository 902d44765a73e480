from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import commands_of, subcommand_operands
from dockwright.rules.dockerfile.df067_zypper_without_yes import VALUE_FLAGS


@register
class ZypperDistUpgrade(Rule):
    id = "DF068"
    slug = "zypper-dist-upgrade"
    severity = Severity.WARNING
    title = "RUN upgrades the whole distribution with zypper"
    rationale = (
        "`zypper dist-upgrade` may move the image to a new release with changed packages and defaults; that "
        "belongs in a newer base image, not in a build step nobody reviews."
    )
    bad = "FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n"
    good = "FROM opensuse/leap:15.6\nRUN zypper -n patch\n"
    fix_title = "Use a newer base image (or `zypper patch` for fixes only)"
    equivalents = {"hadolint": "DL3035"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "zypper"):
            if subcommand_operands(command, ("dist-upgrade", "dup"), VALUE_FLAGS) is not None:
                yield self.finding(command.span, "`zypper dist-upgrade` changes the base distribution")
