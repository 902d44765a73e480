from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import run_scripts
from dockwright.dockerfile.shell import ShellCommand
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register

TOOLS = ("curl", "wget")


@register
class WgetAndCurl(Rule):
    id = "DF094"
    slug = "wget-and-curl"
    severity = Severity.WARNING
    title = "A stage uses both wget and curl"
    rationale = "Installing and using two download tools where one would do makes the image bigger for nothing."
    bad = "FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\nRUN wget -q https://example.com/b.tgz\n"
    good = "FROM debian:12\nRUN curl -fsSLO https://example.com/a.tgz\nRUN curl -fsSLO https://example.com/b.tgz\n"
    fix_title = "Use one download tool throughout the stage"
    equivalents = {"hadolint": "DL4001"}
    notes = "Each use of the tool that came second in the stage is reported."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        uses: dict[int, list[ShellCommand]] = {}
        for instruction, script in run_scripts(document):
            if instruction.stage is not None:
                uses.setdefault(instruction.stage.index, []).extend(script.commands_named(*TOOLS))
        for commands in uses.values():
            if {c.program for c in commands} != set(TOOLS):
                continue
            first = commands[0].program
            for command in commands:
                if command.program != first:
                    yield self.finding(
                        command.name.span, f"`{command.program}` is used in a stage that already uses `{first}`"
                    )
