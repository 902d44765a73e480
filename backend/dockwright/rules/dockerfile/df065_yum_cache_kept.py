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

DOWNLOADING = ("install", "groupinstall", "localinstall", "reinstall", "update", "upgrade", "downgrade", "distro-sync")
YUM_CACHE = ("/var/cache/yum",)


@register
class YumCacheKept(Rule):
    id = "DF065"
    slug = "yum-cache-kept"
    severity = Severity.WARNING
    title = "yum install without `yum clean all` in the same RUN"
    rationale = (
        "yum keeps downloaded packages and metadata under /var/cache/yum; unless the same RUN cleans them, "
        "they stay in the layer and bloat the image."
    )
    bad = "FROM centos:7\nRUN yum install -y httpd-2.4.6\n"
    good = "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n"
    fix_title = "End the RUN with `yum clean all`"
    equivalents = {"hadolint": "DL3032"}
    notes = (
        "`rm -rf /var/cache/yum` or a cache mount on /var/cache/yum also satisfies the rule. Only stages that end up "
        "in the image are checked (the final stage, those it builds on, and ONBUILD triggers): a builder stage's "
        "cache never ships. hadolint's DL3032 checks every stage."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, script in shipped_run_instructions(document):
            # Most RUNs never run yum: ask that first, the clean-up checks cost more.
            commands = script.commands_named("yum")
            if not commands:
                continue
            if runs(script, "yum", "clean", "all") or removes(script, *YUM_CACHE):
                continue
            if has_cache_mount(instruction, *YUM_CACHE):
                continue
            for command in commands:
                if subcommand_operands(command, DOWNLOADING, VALUE_FLAGS) is not None:
                    yield self.finding(command.name.span, "`yum clean all` is missing after this yum command")
                    break
