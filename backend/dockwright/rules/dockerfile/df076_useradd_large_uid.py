from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import commands_of, insert_after
from dockwright.dockerfile.shell import ShellCommand
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class UseraddLargeUid(Rule):
    id = "DF076"
    slug = "useradd-large-uid"
    severity = Severity.WARNING
    title = "useradd with a large UID and without `-l`"
    rationale = (
        "useradd records every user in /var/log/lastlog and faillog, sparse files indexed by UID; with a "
        "large UID the layer stores them expanded, adding gigabytes. `-l` (`--no-log-init`) skips them."
    )
    bad = "FROM debian:12\nRUN useradd -u 1000000 app\n"
    good = "FROM debian:12\nRUN useradd -l -u 1000000 app\n"
    fix_title = "Add `-l` to useradd"
    equivalents = {"hadolint": "DL3046"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "useradd"):
            if command.has_flag("-l", "--no-log-init"):
                continue
            uid = _uid(command)
            if uid is not None and len(uid) > 5:
                fix = Fix(self.fix_title, (insert_after(command.name, "-l"),), safe=True)
                yield self.finding(
                    command.name.span, Message("`useradd` with UID {uid} and without `-l`", uid=uid), fix
                )


def _uid(command: ShellCommand) -> str | None:
    args = command.args
    for index, arg in enumerate(args):
        value = arg.value
        if value in ("-u", "--uid") and index + 1 < len(args):
            return args[index + 1].value
        if value.startswith("--uid="):
            return value.removeprefix("--uid=")
        if value.startswith("-u") and not value.startswith("--") and value[2:].isdigit():
            return value[2:]
    return None
