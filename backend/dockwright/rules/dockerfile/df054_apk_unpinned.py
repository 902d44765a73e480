from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import commands_of, subcommand_operands

APK_VALUE_FLAGS = frozenset(
    [
        "-t",
        "--virtual",
        "-X",
        "--repository",
        "-p",
        "--root",
        "--arch",
        "--keys-dir",
        "--repositories-file",
        "--cache-dir",
    ]
)


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
        for _, command in commands_of(document, "apk"):
            for word in subcommand_operands(command, ("add",), APK_VALUE_FLAGS) or ():
                value = word.value
                if word.literal and not any(c in value for c in "=~<>") and not value.endswith(".apk"):
                    yield self.finding(word.span, f"`{value}` is added by apk without a version")
