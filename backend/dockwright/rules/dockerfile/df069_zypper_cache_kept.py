from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import (
    has_cache_mount,
    removes,
    shipped_run_instructions,
    subcommand_operands,
)
from dockwright.rules.dockerfile.df067_zypper_without_yes import VALUE_FLAGS

ZYPPER_CACHE = ("/var/cache/zypp",)


@register
class ZypperCacheKept(Rule):
    id = "DF069"
    slug = "zypper-cache-kept"
    severity = Severity.WARNING
    title = "zypper install without `zypper clean` in the same RUN"
    rationale = (
        "zypper keeps downloaded packages and metadata under /var/cache/zypp; unless the same RUN cleans "
        "them, they stay in the layer."
    )
    bad = "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58\n"
    good = "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean\n"
    fix_title = "End the RUN with `zypper clean`"
    equivalents = {"hadolint": "DL3036"}
    notes = (
        "`rm -rf /var/cache/zypp` or a cache mount on /var/cache/zypp also satisfies the rule. Only stages that end "
        "up in the image are checked (the final stage, those it builds on, and ONBUILD triggers): a builder stage's "
        "cache never ships. hadolint's DL3036 checks every stage."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, script in shipped_run_instructions(document):
            commands = script.commands_named("zypper")
            if not commands or has_cache_mount(instruction, *ZYPPER_CACHE) or removes(script, *ZYPPER_CACHE):
                continue
            if any(subcommand_operands(c, ("clean", "cc"), VALUE_FLAGS) is not None for c in commands):
                continue
            for command in commands:
                if subcommand_operands(command, ("install", "in"), VALUE_FLAGS) is not None:
                    yield self.finding(command.name.span, "`zypper clean` is missing after this zypper install")
                    break
