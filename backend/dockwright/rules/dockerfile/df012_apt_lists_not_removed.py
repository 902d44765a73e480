from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import APT_TOOLS, caches_kept
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

APT_LISTS = "/var/lib/apt/lists"


@register
class AptListsNotRemoved(Rule):
    id = "DF012"
    slug = "apt-lists-not-removed"
    severity = Severity.INFO
    title = "`apt-get update` without removing /var/lib/apt/lists in the same RUN"
    rationale = (
        "`apt-get update` downloads package indexes (tens of megabytes) into /var/lib/apt/lists. Unless the "
        "same RUN deletes them, they are frozen into that layer: removing them in a later RUN does not shrink "
        "the image, and stale indexes invite a later `apt-get install` without `update`."
    )
    bad = "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"
    good = (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n"
    )
    fix_title = "End the RUN with `rm -rf /var/lib/apt/lists/*` (or use a cache mount)"
    equivalents = {"hadolint": "DL3009"}
    notes = (
        "As in hadolint, only stages that end up in the image (the final stage and those it builds on, and "
        "ONBUILD triggers) are checked, and a cache or tmpfs mount on /var/lib/apt/lists (or /var/lib/apt) "
        "satisfies the rule; hadolint also wants /var/cache/apt mounted beside /var/lib/apt, but the lists live "
        "under /var/lib/apt, so that mount alone keeps them out of the layer. A mount on /var/cache/apt alone "
        "does not: it keeps downloaded .deb files out, not the lists. `apt update` and `aptitude update` are "
        "checked too. The lists count as removed by an "
        "`apt-get dist-clean` or an `rm` of them (or of a directory holding them, such as /var/lib) after the "
        "update: a removal before it leaves the new lists in the layer."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for kept in caches_kept(document, *APT_TOOLS):
            update = kept[0].command
            yield self.finding(
                update.span,
                Message(
                    "`{program} update` leaves {APT_LISTS} in this layer", program=update.program, APT_LISTS=APT_LISTS
                ),
            )
