from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import commands_of
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class SudoInRun(Rule):
    id = "DF023"
    slug = "sudo-in-run"
    severity = Severity.ERROR
    title = "`sudo` in RUN"
    rationale = (
        "`sudo` needs a TTY or sudoers rules, behaves differently across images and leaves a privilege "
        "escalation path in the image. Switch users with USER: run the privileged steps before `USER app`."
    )
    bad = "FROM debian:12\nUSER app\nRUN sudo apt-get update\n"
    good = "FROM debian:12\nRUN apt-get update\nUSER app\n"
    fix_title = "Run the step as root before switching with USER"
    equivalents = {"hadolint": "DL3004"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "sudo"):
            yield self.finding(command.name.span, Message("`sudo` in a RUN: use USER to change user"))
