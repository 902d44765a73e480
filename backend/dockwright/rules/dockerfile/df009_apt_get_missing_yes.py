from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import command_span, insert_after
from dockwright.dockerfile.queries.packages import APT_TOOLS, package_commands
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class AptGetMissingYes(Rule):
    id = "DF009"
    slug = "apt-get-missing-yes"
    severity = Severity.WARNING
    title = "`apt-get install` without `-y`"
    rationale = (
        'A build has no terminal to answer apt\'s "Do you want to continue? [Y/n]": without `-y` apt aborts '
        "as soon as an install needs confirmation, and the build fails (or, worse, works until a dependency "
        "change adds a package)."
    )
    bad = "FROM debian:12\nRUN apt-get update && apt-get install curl\n"
    good = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"
    fix_title = "Add `-y` to `apt-get install`"
    equivalents = {"hadolint": "DL3014"}
    notes = (
        "`-y`, `--yes`, `--assume-yes`, a quiet level of two (`-qq`, `-q=2`, which implies `-y`) and "
        "`-o APT::Get::Assume-Yes=true` all count. `apt install` and `aptitude install` are checked too, and ONBUILD "
        "triggers (hadolint only checks apt-get)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, *APT_TOOLS):
            if use.confirmed or use.subcommand is None:
                continue
            yield self.finding(
                command_span(use.command, use.subcommand),
                Message(
                    "`{program} install` without `-y` stops at apt's confirmation prompt", program=use.command.program
                ),
                Fix(Message("Add `-y`"), (insert_after(use.subcommand, "-y"),), safe=True),
            )
