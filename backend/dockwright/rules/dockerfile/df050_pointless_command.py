from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import commands_of
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Interactive or host-level tools: in a build step there is no terminal, no init system and no other
# process to look at, so they either hang, fail or do nothing useful.
POINTLESS = ("free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim")


@register
class PointlessCommand(Rule):
    id = "DF050"
    slug = "pointless-command"
    severity = Severity.INFO
    title = "RUN uses a command that makes no sense in a build"
    rationale = (
        "A build step has no terminal, no init system and no long-running processes: `vim` and `top` wait "
        "for a user, `service` and `shutdown` talk to an init that is not there, `ssh` reaches out of the "
        "build, and `ps`, `free`, `kill` or `mount` describe the builder rather than the image."
    )
    bad = "FROM debian:12\nRUN service nginx start\n"
    good = 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n'
    fix_title = "Remove the command, or move it to the container's entrypoint"
    equivalents = {"hadolint": "DL3001"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, *POINTLESS):
            yield self.finding(
                command.name.span, Message("`{program}` makes no sense inside a build step", program=command.program)
            )
