from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import APT_TOOLS, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class AptGetUnpinned(Rule):
    id = "DF011"
    slug = "apt-get-unpinned"
    severity = Severity.WARNING
    title = "`apt-get install` of a package without a version"
    rationale = (
        "An unpinned package installs whatever version the mirror has on the day of the build, so two builds "
        "of the same commit can differ. Pinning (`curl=7.88.1-10+deb12u8`) makes upgrades explicit."
    )
    bad = "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n"
    good = "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n"
    fix_title = "Pin the version: `package=version`"
    equivalents = {"hadolint": "DL3008"}
    # Off by default: Debian's archive drops superseded versions, so exact pins break rebuilds of images
    # that are not updated constantly; teams that pin (with a bot to bump) switch it on.
    enabled_by_default = False
    notes = (
        "As in hadolint, `pkg=version`, `pkg/release` and local `.deb` files count as pinned. Off by default "
        "(hadolint reports it): pins to versions Debian has since removed make the build fail. `apt install` "
        "and `aptitude install` are checked too, and ONBUILD triggers."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, *APT_TOOLS):
            for package in use.unpinned():
                yield self.finding(
                    package.span, Message("`{package}` is installed without a pinned version", package=package.value)
                )
