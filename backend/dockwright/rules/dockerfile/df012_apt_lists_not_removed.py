from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries import APT_PROGRAMS, commands_of, is_within, mounts_cover
from dockwright.dockerfile.shell import ShellCommand
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import shipped_run_instructions

APT_LISTS = "/var/lib/apt/lists"


@register
class AptListsNotRemoved(Rule):
    id = "DF012"
    slug = "apt-lists-not-removed"
    severity = Severity.INFO
    title = "`apt-get update` without removing /var/lib/apt/lists in the same RUN"
    rationale = (
        "`apt-get update` downloads package indexes (tens of megabytes) into /var/lib/apt/lists. Unless the "
        "same RUN deletes them, they are frozen into that layer: removing them in a later RUN does not shrink "
        "the image, and stale indexes invite a later `apt-get install` without `update`."
    )
    bad = "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"
    good = (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n"
    )
    fix_title = "End the RUN with `rm -rf /var/lib/apt/lists/*` (or use a cache mount)"
    equivalents = {"hadolint": "DL3009"}
    notes = (
        "As in hadolint, only stages that end up in the image (the final stage and those it builds on, and "
        "ONBUILD triggers) are checked, and a cache or tmpfs mount on /var/lib/apt/lists (or /var/lib/apt) "
        "satisfies the rule. A mount on /var/cache/apt alone does not: it keeps downloaded .deb files out, not "
        "the lists. "
        "`apt update` is checked too."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, _ in shipped_run_instructions(document):
            if mounts_cover(instruction, APT_LISTS, "cache", "tmpfs"):
                continue
            commands = commands_of(instruction)
            updates = [c for c in commands if c.program in APT_PROGRAMS and _subcommand(c) == "update"]
            if updates and not _removes_lists(instruction):
                update = updates[0]
                yield self.finding(
                    update.span,
                    f"`{update.program} update` leaves {APT_LISTS} in this layer",
                )


def _subcommand(command: ShellCommand) -> str:
    word = command.subcommand()
    return word.value if word is not None else ""


def _removes_lists(instruction: Instruction) -> bool:
    for command in commands_of(instruction):
        if command.program != "rm" or not command.has_flag("-r", "-R", "--recursive"):
            continue
        if any(is_within(a.value.rstrip("*").rstrip("/") or "/", APT_LISTS) for a in command.positional()):
            return True
    return False
