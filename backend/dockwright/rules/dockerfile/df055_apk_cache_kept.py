from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import insert_after
from dockwright.dockerfile.queries.packages import APK, caches_kept
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ApkCacheKept(Rule):
    id = "DF055"
    slug = "apk-cache-kept"
    severity = Severity.INFO
    title = "apk add keeps its package index in the image"
    rationale = (
        "Without `--no-cache`, `apk add` stores the downloaded index under /var/cache/apk, and the layer "
        "keeps it forever. `--no-cache` fetches the index on the fly and leaves nothing behind."
    )
    bad = "FROM alpine:3.20\nRUN apk update && apk add curl=8.9.1-r2\n"
    good = "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n"
    fix_title = "Add `--no-cache` to `apk add`"
    equivalents = {"hadolint": "DL3019"}
    notes = (
        "A cache or tmpfs mount on /var/cache/apk (`RUN --mount=type=cache,target=/var/cache/apk`) or an `rm -rf "
        "/var/cache/apk/*` after the `apk add` in the same RUN also satisfies the rule. Only stages that end up in "
        "the image are checked (the final stage, those it builds on, and ONBUILD triggers): a builder stage's "
        "cache never ships. hadolint's DL3019 checks every stage."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for kept in caches_kept(document, APK):
            for use in kept:
                add = use.subcommand
                fix = None if add is None else Fix(self.fix_title, (insert_after(add, "--no-cache"),), safe=True)
                yield self.finding(
                    use.command.name.span, Message("`apk add` without `--no-cache` keeps the package index"), fix
                )
