from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import APK, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ApkUnpinned(Rule):
    id = "DF054"
    slug = "apk-unpinned"
    severity = Severity.WARNING
    title = "apk adds a package without a version"
    rationale = (
        "`apk add curl` installs whatever the repository has on the day of the build. Pinning "
        "(`curl=8.5.0-r0`, or `curl~8.5` for any patch release) keeps builds reproducible."
    )
    bad = "FROM alpine:3.20\nRUN apk add --no-cache curl\n"
    good = "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n"
    fix_title = "Pin the version (`curl=8.9.1-r2` or `curl~8.9`)"
    equivalents = {"hadolint": "DL3018"}
    notes = "`name~version` counts as pinned too; the name given to `--virtual` is not a package."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, APK):
            for word in use.unpinned():
                yield self.finding(word.span, Message("`{word}` is added by apk without a version", word=word.value))
