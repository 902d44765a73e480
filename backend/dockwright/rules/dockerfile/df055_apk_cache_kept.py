from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Fix, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import (
    has_cache_mount,
    insert_after,
    removes,
    shipped_run_instructions,
    subcommand_operands,
)
from dockwright.rules.dockerfile.df054_apk_unpinned import APK_VALUE_FLAGS

APK_CACHE = ("/var/cache/apk", "/etc/apk/cache")


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
        "A cache mount on /var/cache/apk (`RUN --mount=type=cache,target=/var/cache/apk`) or an `rm -rf "
        "/var/cache/apk/*` in the same RUN also satisfies the rule. Only stages that end up in the image are checked "
        "(the final stage, those it builds on, and ONBUILD triggers): a builder stage's cache never ships. hadolint's"
        " DL3019 checks every stage."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, script in shipped_run_instructions(document):
            # Most RUNs never run apk: ask that first, the clean-up checks cost more.
            commands = script.commands_named("apk")
            if not commands:
                continue
            if has_cache_mount(instruction, *APK_CACHE) or removes(script, *APK_CACHE):
                continue
            for command in commands:
                if command.has_flag("--no-cache") or subcommand_operands(command, ("add",), APK_VALUE_FLAGS) is None:
                    continue
                add = next(a for a in command.args if a.value == "add")
                fix = Fix(self.fix_title, (insert_after(add, " --no-cache"),), safe=True)
                yield self.finding(command.name.span, "`apk add` without `--no-cache` keeps the package index", fix)
