from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import APT, package_commands
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Subcommands apt-get has under the same name, where swapping the command is a safe fix.
SAME_IN_APT_GET = (
    "install",
    "update",
    "upgrade",
    "remove",
    "purge",
    "autoremove",
    "dist-upgrade",
    "clean",
    "autoclean",
    "source",
    "build-dep",
    "download",
    "check",
)


@register
class AptNotAptGet(Rule):
    id = "DF061"
    slug = "apt-not-apt-get"
    severity = Severity.WARNING
    title = "RUN uses `apt` instead of `apt-get`"
    rationale = (
        "`apt` is meant for people at a terminal: its output and options may change between releases and it "
        "warns that it has no stable command-line interface. Scripts should use `apt-get` (or `apt-cache`)."
    )
    bad = "FROM debian:12\nRUN apt update && apt install -y curl\n"
    good = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"
    fix_title = "Use `apt-get`"
    equivalents = {"hadolint": "DL3027"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, APT):
            command = use.command
            fix = None
            if command.name.value == "apt" and use.action in SAME_IN_APT_GET:
                fix = Fix(self.fix_title, (Edit(command.name.span, "apt-get"),), safe=True)
            yield self.finding(
                command.name.span, Message("`apt` has no stable interface for scripts; use `apt-get`"), fix
            )
