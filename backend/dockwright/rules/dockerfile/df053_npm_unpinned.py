from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import NPM, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class NpmUnpinned(Rule):
    id = "DF053"
    slug = "npm-unpinned"
    severity = Severity.WARNING
    title = "npm installs a package without a version"
    rationale = (
        "`npm install -g typescript` installs whatever is newest on the day of the build; pinning the "
        "version keeps builds reproducible. `npm install` or `npm ci` without names use package.json and "
        "the lockfile, which is the better way."
    )
    bad = "FROM node:20-slim\nRUN npm install -g typescript\n"
    good = "FROM node:20-slim\nRUN npm install -g typescript@5.4.5\n"
    fix_title = "Pin the version (`typescript@5.4.5`) or install from package.json"
    equivalents = {"hadolint": "DL3016"}
    notes = (
        "`name@latest` and `name@next` count as unpinned (hadolint accepts any `@`). npm's aliases of install "
        "(`i`, `add`, `isntall`...) count, and the values of flags such as `--loglevel verbose` are not packages."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, NPM):
            for word in use.unpinned():
                yield self.finding(
                    word.span, Message("`{word}` is installed by npm without a version", word=word.value)
                )
