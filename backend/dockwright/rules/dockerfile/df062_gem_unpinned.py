from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import commands_of, subcommand_operands

VALUE_FLAGS = frozenset(
    [
        "-v",
        "--version",
        "-i",
        "--install-dir",
        "-n",
        "--bindir",
        "-s",
        "--source",
        "-P",
        "--trust-policy",
        "--platform",
        "-g",
        "--file",
    ]
)


@register
class GemUnpinned(Rule):
    id = "DF062"
    slug = "gem-unpinned"
    severity = Severity.WARNING
    title = "gem installs a gem without a version"
    rationale = (
        "`gem install bundler` installs whatever is newest on the day of the build; pinning the version "
        "keeps builds reproducible."
    )
    bad = "FROM ruby:3.3-slim\nRUN gem install bundler\n"
    good = "FROM ruby:3.3-slim\nRUN gem install bundler:2.5.16\n"
    fix_title = "Pin the version (`bundler:2.5.16` or `-v 2.5.16`)"
    equivalents = {"hadolint": "DL3028"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "gem"):
            gems = subcommand_operands(command, ("install", "i"), VALUE_FLAGS)
            if not gems or command.has_flag("-v", "--version"):
                continue
            for word in gems:
                if word.literal and ":" not in word.value and not word.value.endswith(".gem"):
                    yield self.finding(word.span, f"`{word.value}` is installed by gem without a version")
