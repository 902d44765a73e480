from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import has_cache_mount, removes, runs, shipped_run_instructions

YARN_CACHES = (
    "/usr/local/share/.cache/yarn",
    "/root/.cache/yarn",
    "/home/node/.cache/yarn",
    "/root/.yarn",
    "/usr/local/share/.cache",
)


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
        "A cache mount on yarn's cache directory or removing the cache with `rm -rf` also satisfies the rule. Only "
        "stages that end up in the image are checked (the final stage, those it builds on, and ONBUILD triggers): a "
        "builder stage's cache never ships, as in hadolint."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, script in shipped_run_instructions(document):
            installs = [c for c in script.commands_named("yarn") if (s := c.subcommand()) and s.value == "install"]
            if not installs or runs(script, "yarn", "cache", "clean"):
                continue
            if has_cache_mount(instruction, *YARN_CACHES) or removes(script, *YARN_CACHES):
                continue
            yield self.finding(installs[0].span, "`yarn cache clean` is missing after `yarn install`")
