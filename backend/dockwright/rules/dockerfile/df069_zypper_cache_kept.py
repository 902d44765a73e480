from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import ZYPPER, caches_kept
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ZypperCacheKept(Rule):
    id = "DF069"
    slug = "zypper-cache-kept"
    severity = Severity.WARNING
    title = "zypper install without `zypper clean` in the same RUN"
    rationale = (
        "zypper keeps downloaded packages and metadata under /var/cache/zypp; unless the same RUN cleans "
        "them, they stay in the layer."
    )
    bad = "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58\n"
    good = "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean\n"
    fix_title = "End the RUN with `zypper clean`"
    equivalents = {"hadolint": "DL3036"}
    notes = (
        "`rm -rf /var/cache/zypp` after the install, or a cache or tmpfs mount on /var/cache/zypp, also satisfies "
        "the rule; a clean-up before the install does not. Only stages that end "
        "up in the image are checked (the final stage, those it builds on, and ONBUILD triggers): a builder stage's "
        "cache never ships. hadolint's DL3036 checks every stage."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for kept in caches_kept(document, ZYPPER):
            yield self.finding(
                kept[0].command.name.span, Message("`zypper clean` is missing after this zypper install")
            )
