from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import GEM, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


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
    notes = (
        "`-v`/`--version` pins every gem named; what follows `--` goes to the gem's build, not to gem. The word "
        "after a flag gem does not know may be that flag's value, so it is not judged as a gem (as in hadolint)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, GEM):
            for word in use.unpinned():
                yield self.finding(
                    word.span, Message("`{word}` is installed by gem without a version", word=word.value)
                )
