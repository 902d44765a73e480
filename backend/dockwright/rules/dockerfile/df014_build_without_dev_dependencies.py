from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries import commands_of
from dockwright.dockerfile.shell import ShellCommand
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register

_INSTALL_VERBS = {"npm": ("ci", "install", "i", "add"), "yarn": ("install",), "pnpm": ("install", "i")}
_PROD_FLAGS = {
    "npm": ("--production", "--only=production", "--only=prod", "--omit=dev"),
    "yarn": ("--production", "--prod"),
    "pnpm": ("--prod", "-P", "--production"),
}
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
        for stage in document.stages:
            last_install: _Install | None = None
            for instruction in stage.named("RUN"):
                for command in commands_of(instruction):
                    install = _install(command, instruction)
                    if install is not None:
                        last_install = install
                        continue
                    if last_install is not None and last_install.production and _is_build(command):
                        yield self.finding(
                            command.span,
                            f"`{_head(command)}` runs after `{last_install.text}` (line {last_install.line}), "
                            "which did not install devDependencies",
                        )


def _install(command: ShellCommand, instruction: Instruction) -> _Install | None:
    program = command.program
    verbs = _INSTALL_VERBS.get(program)
    if verbs is None:
        return None
    subcommand = command.subcommand()
    if subcommand is None:
        if program != "yarn":  # a bare `yarn` installs
            return None
    elif subcommand.value not in verbs:
        return None
    adds_package = program == "npm" and subcommand is not None and subcommand.value in ("install", "i", "add")
    if adds_package and len(command.positional()) > 1:  # `npm install left-pad` is not the project's deps
        return None
    explicit_full = command.has_flag("--include=dev", "--production=false", "--dev")
    flagged = _has_production_flag(command, program)
    node_env = dict(command.assignments).get("NODE_ENV", instruction.scope.get("NODE_ENV") or "")
    production = not explicit_full and (flagged or node_env.strip("'\"") == "production")
    return _Install(_head(command), command.span.start_line, production)


def _has_production_flag(command: ShellCommand, program: str) -> bool:
    values = [a.value for a in command.args]
    if any(v in _PROD_FLAGS[program] for v in values):
        return True
    # `--omit dev` / `--only production` with the value as the next word.
    pairs = itertools.pairwise(values)
    return program == "npm" and any(f in ("--omit", "--only") and v in ("dev", "prod", "production") for f, v in pairs)


def _is_build(command: ShellCommand) -> bool:
    program = command.program
    positional = [a.value for a in command.positional()]
    if program in ("npm", "yarn", "pnpm") and positional:
        if positional[0] in ("run", "run-script") and len(positional) > 1:
            return "build" in positional[1]
        if positional[0] in ("exec", "dlx") and len(positional) > 1:
            return positional[1] in _BUILD_TOOLS
        return program != "npm" and "build" in positional[0]
    if program in ("npx", "pnpx") and positional:
        return positional[0] in _BUILD_TOOLS
    return False


def _head(command: ShellCommand) -> str:
    return " ".join(w.value for w in command.words[:4])
