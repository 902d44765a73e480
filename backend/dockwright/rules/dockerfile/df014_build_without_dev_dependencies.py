from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import commands_of, operands
from dockwright.dockerfile.queries.packages import JS_TOOLS, NPM, PackageCommand, package_command
from dockwright.dockerfile.shell import ShellCommand
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_PROD_FLAGS = {
    "npm": ("--production", "--only=production", "--only=prod", "--omit=dev"),
    "yarn": ("--production", "--prod"),
    "pnpm": ("--prod", "-P", "--production"),
}
_JS_PROGRAMS = ("npm", "yarn", "pnpm", "npx", "pnpx")
# Tools whose run is a build step when started through npx / yarn / pnpm exec.
_BUILD_TOOLS = frozenset(
    {
        "vite",
        "tsc",
        "webpack",
        "next",
        "nuxt",
        "ng",
        "rollup",
        "esbuild",
        "parcel",
        "react-scripts",
        "astro",
        "svelte-kit",
        "tsup",
        "babel",
    }
)


@dataclass(frozen=True)
class _Install:
    text: str
    line: int
    production: bool


@register
class BuildWithoutDevDependencies(Rule):
    id = "DF014"
    slug = "build-without-dev-dependencies"
    severity = Severity.WARNING
    title = "Build step after a production-only npm/yarn/pnpm install"
    rationale = (
        "`npm ci --omit=dev` (or `--production`, or NODE_ENV=production) skips devDependencies, which is "
        "where bundlers and compilers such as Vite, TypeScript or webpack live. A build run afterwards in the "
        "same stage fails with `command not found`, or silently uses a globally installed, different version."
    )
    bad = "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nRUN npm run build\n"
    good = (
        "FROM node:22-slim AS build\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n"
        "FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n"
        "COPY --from=build /app/dist ./dist\n"
    )
    fix_title = "Install all dependencies in a build stage; install production ones in the runtime stage"
    notes = (
        "A later full install in the stage (without production flags, or with `--include=dev` or "
        '`--production=false`) clears the condition. A build is `npm|yarn|pnpm run <script with "build" in '
        "its name>`, `yarn build`/`pnpm build`, or a known bundler/compiler started through npx or exec."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        if not commands_of(document, *_JS_PROGRAMS):
            return  # no JavaScript tool anywhere (most files): no RUN to walk
        for stage in document.stages:
            last_install: _Install | None = None
            for instruction in stage.named("RUN"):
                for _, command in commands_of(instruction):
                    use = package_command(instruction, command, *JS_TOOLS)
                    install = _install(use) if use is not None else None
                    if install is not None:
                        last_install = install
                        continue
                    if last_install is not None and last_install.production and _is_build(command, use):
                        yield self.finding(
                            command.span,
                            Message(
                                "`{head}` runs after `{last_install}` (line {line}), which did not "
                                "install devDependencies",
                                head=_head(command),
                                last_install=last_install.text,
                                line=last_install.line,
                            ),
                        )


def _install(use: PackageCommand) -> _Install | None:
    """A project install (`npm ci`, `yarn`, `pnpm install`): not `npm install left-pad`, which adds a package."""
    if use.action not in ("ci", "install") or use.operands:
        return None
    command = use.command
    explicit_full = use.has_flag("--include=dev", "--production=false", "--dev")
    node_env = dict(command.assignments).get("NODE_ENV", use.instruction.scope.get("NODE_ENV") or "")
    production = not explicit_full and (_has_production_flag(use) or node_env.strip("'\"") == "production")
    return _Install(_head(command), command.span.start_line, production)


def _has_production_flag(use: PackageCommand) -> bool:
    values = [a.value for a in use.args]
    if any(v in _PROD_FLAGS[use.tool.name] for v in values):
        return True
    # `--omit dev` / `--only production` with the value as the next word.
    pairs = itertools.pairwise(values)
    return use.tool is NPM and any(f in ("--omit", "--only") and v in ("dev", "prod", "production") for f, v in pairs)


def _is_build(command: ShellCommand, use: PackageCommand | None) -> bool:
    if use is not None:
        first = use.operands[0].value if use.operands else ""
        if use.action == "run":
            return "build" in first
        if use.action in ("exec", "dlx"):
            return first in _BUILD_TOOLS
        # `yarn build`, `pnpm build`: a script run by its name.
        return use.tool is not NPM and not use.action and use.subcommand is not None and "build" in use.subcommand.value
    if command.program in ("npx", "pnpx"):
        words = operands(command.args)
        return bool(words) and words[0].value in _BUILD_TOOLS
    return False


def _head(command: ShellCommand) -> str:
    return " ".join(w.value for w in command.words[:4])
