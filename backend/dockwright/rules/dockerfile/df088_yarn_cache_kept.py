from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import YARN, caches_kept
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class YarnCacheKept(Rule):
    id = "DF088"
    slug = "yarn-cache-kept"
    severity = Severity.INFO
    title = "yarn install without `yarn cache clean` in the same RUN"
    rationale = (
        "yarn (v1) keeps a copy of every package it downloads in its global cache; unless the same RUN "
        "cleans it, the layer carries the cache next to node_modules, often doubling its size."
    )
    bad = "FROM node:20-slim\nRUN yarn install --frozen-lockfile\n"
    good = "FROM node:20-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n"
    fix_title = "End the RUN with `yarn cache clean` (or use a cache mount)"
    equivalents = {"hadolint": "DL3060"}
    notes = (
        "`yarn add` and a bare `yarn` fill the cache as `yarn install` does. A cache or tmpfs mount on yarn's cache "
        "directory, or removing the cache with `rm -rf` after the install, also satisfies the rule. Only "
        "stages that end up in the image are checked (the final stage, those it builds on, and ONBUILD triggers): a "
        "builder stage's cache never ships, as in hadolint."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for kept in caches_kept(document, YARN):
            use = kept[0]
            done = f"yarn {use.subcommand.value}" if use.subcommand is not None else "yarn"
            yield self.finding(use.command.span, Message("`yarn cache clean` is missing after `{done}`", done=done))
