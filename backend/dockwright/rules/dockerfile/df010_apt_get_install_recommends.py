from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries import apt_installs_in, command_span, insertion_after
from dockwright.findings import Edit, Finding, Fix, Severity
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
        "`-o APT::Install-Recommends=false` (or `=0`) counts as well. `apt install` is checked too (hadolint "
        "only checks apt-get)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for install in apt_installs_in(document):
            command = install.command
            if command.has_flag("--no-install-recommends"):
                continue
            if install.options.get("apt::install-recommends", "").lower() in ("false", "0", "no"):
                continue
            span, text = insertion_after(install.subcommand, "--no-install-recommends")
            yield self.finding(
                command_span(command, install.subcommand),
                f"`{install.manager} install` also installs recommended packages",
                Fix("Add `--no-install-recommends`", (Edit(span, text),), safe=True),
            )
