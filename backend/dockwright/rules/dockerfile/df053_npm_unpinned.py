from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import commands_of, subcommand_operands

VALUE_FLAGS = frozenset(["--prefix", "--registry", "-w", "--workspace", "--cache", "--userconfig", "--tag"])
MOVING_TAGS = ("latest", "next")


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
    notes = "`name@latest` and `name@next` count as unpinned (hadolint accepts any `@`)."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "npm"):
            packages = subcommand_operands(command, ("install", "i", "add"), VALUE_FLAGS)
            for word in packages or ():
                if word.literal and not _pinned(word.value):
                    yield self.finding(word.span, f"`{word.value}` is installed by npm without a version")


def _pinned(package: str) -> bool:
    if package.startswith(("git://", "git+ssh://", "git+http://", "git+https://", "github:")):
        return "#" in package
    if package.endswith((".tar", ".tar.gz", ".tgz")) or package.startswith(("/", "./", "../", "~/")):
        return True
    _, at, version = package[1:].partition("@")
    return bool(at and version) and version not in MOVING_TAGS
