from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import commands_of, insert_after
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class WgetProgress(Rule):
    id = "DF077"
    slug = "wget-progress-bar"
    severity = Severity.INFO
    title = "wget prints a progress bar into the build log"
    rationale = (
        "Without a terminal, wget's progress output becomes thousands of log lines for a large download, "
        "burying the build output that matters."
    )
    bad = "FROM debian:12\nRUN wget https://example.com/app.tar.gz\n"
    good = "FROM debian:12\nRUN wget --progress=dot:giga https://example.com/app.tar.gz\n"
    fix_title = "Add `--progress=dot:giga` (or `-q`)"
    equivalents = {"hadolint": "DL3047"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "wget"):
            if command.has_flag(
                "--progress",
                "-q",
                "--quiet",
                "-nv",
                "--no-verbose",
                "-o",
                "--output-file",
                "-a",
                "--append-output",
                "--show-progress",
            ):
                continue
            if not command.args:
                continue
            fix = Fix(self.fix_title, (insert_after(command.name, "--progress=dot:giga"),), safe=True)
            yield self.finding(command.name.span, Message("`wget` without `--progress` fills the build log"), fix)
