from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import ZYPPER, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


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
        for use in package_commands(document, ZYPPER):
            if use.action == "dist-upgrade":
                yield self.finding(use.command.span, Message("`zypper dist-upgrade` changes the base distribution"))
