from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import command_span, insert_after
from dockwright.dockerfile.queries.packages import APT_TOOLS, installs_recommends, package_commands
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class AptGetInstallRecommends(Rule):
    id = "DF010"
    slug = "apt-get-install-recommends"
    severity = Severity.INFO
    title = "`apt-get install` without `--no-install-recommends`"
    rationale = (
        "By default apt also installs every package the requested ones merely recommend: often tens to "
        "hundreds of megabytes of documentation, compilers or X libraries the image never uses, each one more "
        "thing to patch."
    )
    bad = "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n"
    good = (
        "FROM debian:12\n"
        "RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n"
    )
    fix_title = "Add `--no-install-recommends`"
    equivalents = {"hadolint": "DL3015"}
    notes = (
        "`-o APT::Install-Recommends=false` (or `=0`) counts as well. `apt install` is checked too, `aptitude "
        "install` (whose flag is `--without-recommends`) and ONBUILD triggers as well (hadolint only checks apt-get)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, *APT_TOOLS):
            if use.action != "install" or use.subcommand is None or not installs_recommends(use):
                continue
            flag = use.tool.no_recommends_flags[0]
            yield self.finding(
                command_span(use.command, use.subcommand),
                Message("`{program} install` also installs recommended packages", program=use.command.program),
                Fix(Message("Add `{flag}`", flag=flag), (insert_after(use.subcommand, flag),), safe=True),
            )
