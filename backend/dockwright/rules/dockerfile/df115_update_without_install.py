from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.packages import APK, APT_TOOLS, DNF, YUM, PackageCommand, package_commands
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.rules.base import Rule, register

_REFRESH = frozenset({"update", "makecache"})
_TOOLS = (*APT_TOOLS, APK, YUM, DNF)


@register
class UpdateWithoutInstall(Rule):
    id = "DF115"
    slug = "update-without-install"
    severity = Severity.WARNING
    title = "The package index is refreshed in a RUN without the install"
    rationale = (
        "Each RUN is a cached layer. `RUN apt-get update` alone is cached once and reused: when a later RUN "
        "changes what it installs, it installs from the old lists, which fails with 404s once the mirror has "
        "moved on, or silently installs old versions. Refresh and install in the same RUN."
    )
    bad = "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n"
    good = "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"
    fix_title = "Join the refresh with the install that follows it"
    notes = (
        "apt-get, apt and aptitude `update`, apk `update`, yum and dnf `makecache`. A RUN that also installs, "
        "upgrades or otherwise uses the tool after refreshing is fine. The fix joins the refresh with the next "
        "RUN when that RUN comes right after it and uses the same tool; it changes the layers, not what the "
        "build does."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        runs = instructions_of(document, "RUN")
        for position, instruction in enumerate(runs):
            if instruction.shell is None:
                continue
            uses = package_commands(instruction, *_TOOLS)
            refreshes = [u for u in uses if u.action in _REFRESH]
            if not refreshes:
                continue
            refresh = refreshes[0]
            if any(_same_family(u, refresh) and u.action not in _REFRESH and u.action for u in uses):
                continue
            following = runs[position + 1] if position + 1 < len(runs) else None
            later = next(
                (
                    u
                    for run in runs[position + 1 :]
                    if run.stage is instruction.stage
                    for u in package_commands(run, *_TOOLS)
                    if _same_family(u, refresh) and u.action in u.tool.installing
                ),
                None,
            )
            where = f": the install on line {later.instruction.line} reuses its cached lists" if later else ""
            yield self.finding(
                refresh.command.span,
                f"`{refresh.command.program} {refresh.subcommand.value if refresh.subcommand else ''}` runs in a "
                f"RUN of its own{where}; once cached, stale lists make installs fail or fetch old versions",
                _fix(instruction, following, refresh),
            )


def _same_family(use: PackageCommand, refresh: PackageCommand) -> bool:
    apt = {tool.name for tool in APT_TOOLS}
    return (
        use.tool is refresh.tool
        or (use.tool.name in apt and refresh.tool.name in apt)
        or ({use.tool.name, refresh.tool.name} <= {"yum", "dnf"})
    )


def _fix(instruction: Instruction, following: Instruction | None, refresh: PackageCommand) -> Fix | None:
    """Join ``instruction`` (only the refresh) with the RUN right after it that uses the same tool."""
    if following is None or following.stage is not instruction.stage or instruction.parent or following.parent:
        return None
    if following.flags or following.heredocs or following.shell is None or instruction.flags:
        return None
    if following.line != instruction.span.end_line + 1 or len(package_commands(instruction, *_TOOLS)) != 1:
        return None
    if instruction.shell is None or len(instruction.shell.all_commands) != 1:
        return None
    first = following.shell.all_commands[:1]
    if not first or first[0].program != refresh.command.program:
        return None
    end = refresh.command.span
    start = following.arguments_span
    gap = Span(end.end_line, end.end_column, start.start_line, start.start_column)
    return Fix(UpdateWithoutInstall.fix_title, (Edit(gap, " \\\n    && "),), safe=True)
