from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.packages import APK, APT_TOOLS, DNF, YUM, PackageCommand, package_commands
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
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
        index = document.run_commands_by_program
        if not any(
            a.value in _REFRESH
            for tool in _TOOLS
            for program in tool.programs
            for _, command in index.get(program, ())
            for a in command.args
        ):
            return  # no refresh anywhere: the common case, decided without reading the package tables
        runs = instructions_of(document, "RUN")
        with_tools = {id(i) for tool in _TOOLS for p in tool.programs for i, _ in index.get(p, ())}
        uses = [package_commands(run, *_TOOLS) if id(run) in with_tools else [] for run in runs]
        # The nearest later install of each family in the same stage, found in one pass from the end.
        later: list[dict[str, PackageCommand]] = [{} for _ in runs]
        nearest: dict[int, dict[str, PackageCommand]] = {}
        for position in range(len(runs) - 1, -1, -1):
            stage = runs[position].stage
            in_stage = nearest.setdefault(stage.index if stage is not None else -1, {})
            later[position] = dict(in_stage)
            for use in uses[position]:
                if use.action in use.tool.installing:
                    in_stage[_family(use)] = use
        for position, instruction in enumerate(runs):
            refreshes = [u for u in uses[position] if u.action in _REFRESH]
            if not refreshes:
                continue
            refresh = refreshes[0]
            family = _family(refresh)
            if any(_family(u) == family and u.action not in _REFRESH and u.action for u in uses[position]):
                continue
            following = runs[position + 1] if position + 1 < len(runs) else None
            install = later[position].get(family)
            where = (
                Message(": the install on line {line} reuses its cached lists", line=install.instruction.line)
                if install
                else ""
            )
            yield self.finding(
                refresh.command.span,
                Message(
                    "`{program} {value}` runs in a RUN of its own{where}; once cached, stale lists make "
                    "installs fail or fetch old versions",
                    program=refresh.command.program,
                    value=refresh.subcommand.value if refresh.subcommand else "",
                    where=where,
                ),
                _fix(instruction, following, refresh),
            )


def _family(use: PackageCommand) -> str:
    name = use.tool.name
    if name in ("apt-get", "apt", "aptitude"):
        return "apt"
    return "rpm" if name in ("yum", "dnf") else name


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
