from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import (
    has_cache_mount,
    removes,
    runs,
    shipped_run_instructions,
    subcommand_operands,
)
from dockwright.rules.dockerfile.df064_yum_without_yes import VALUE_FLAGS
from dockwright.rules.dockerfile.df065_yum_cache_kept import DOWNLOADING
from dockwright.rules.dockerfile.df071_dnf_without_yes import DNF

DNF_CACHE = ("/var/cache/dnf", "/var/cache/libdnf5", "/var/cache/yum")


@register
class DnfCacheKept(Rule):
    id = "DF072"
    slug = "dnf-cache-kept"
    severity = Severity.WARNING
    title = "dnf install without `dnf clean all` in the same RUN"
    rationale = (
        "dnf keeps downloaded packages and metadata under /var/cache/dnf; unless the same RUN cleans them, "
        "they stay in the layer and bloat the image."
    )
    bad = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n"
    good = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n"
    fix_title = "End the RUN with `dnf clean all`"
    equivalents = {"hadolint": "DL3040"}
    notes = (
        "`rm -rf /var/cache/dnf` or a cache mount on /var/cache/dnf also satisfies the rule. Only stages that end up "
        "in the image are checked (the final stage, those it builds on, and ONBUILD triggers): a builder stage's "
        "cache never ships. hadolint's DL3040 checks every stage."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, script in shipped_run_instructions(document):
            # Most RUNs never run dnf: ask that first, the clean-up checks cost more.
            commands = script.commands_named(*DNF)
            if not commands:
                continue
            if any(runs(script, tool, "clean", "all") for tool in DNF) or removes(script, *DNF_CACHE):
                continue
            if has_cache_mount(instruction, *DNF_CACHE):
                continue
            for command in commands:
                if subcommand_operands(command, (*DOWNLOADING, "module"), VALUE_FLAGS) is not None:
                    yield self.finding(
                        command.name.span,
                        f"`{command.program} clean all` is missing after this {command.program} command",
                    )
                    break
