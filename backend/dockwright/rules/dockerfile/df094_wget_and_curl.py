from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import run_scripts
from dockwright.dockerfile.shell import ShellCommand
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
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
    notes = (
        "As in hadolint, once a stage has used both tools, each RUN of it that uses either is reported (at its "
        "use of the tool that came second, if any)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        runs: dict[int, list[list[ShellCommand]]] = {}
        for instruction, script in run_scripts(document):
            commands = script.commands_named(*TOOLS)
            if instruction.stage is not None and commands:
                runs.setdefault(instruction.stage.index, []).append(list(commands))
        for stage_runs in runs.values():
            first = stage_runs[0][0].program
            seen: set[str] = set()
            for commands in stage_runs:
                seen.update(c.program for c in commands)
                if len(seen) < len(TOOLS):
                    continue
                command = next((c for c in commands if c.program != first), commands[0])
                other = next(t for t in TOOLS if t != command.program)
                yield self.finding(
                    command.name.span,
                    Message(
                        "`{program}` is used in a stage that also uses `{other}`", program=command.program, other=other
                    ),
                )
