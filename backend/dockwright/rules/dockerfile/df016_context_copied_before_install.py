from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries import commands_of, copy_paths, is_whole_context, pip_call
from dockwright.dockerfile.shell import ShellCommand
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register

MANIFESTS = (
    "requirements*.txt",
    "requirements",
    "pyproject.toml",
    "poetry.lock",
    "pipfile",
    "pipfile.lock",
    "uv.lock",
    "setup.py",
    "setup.cfg",
    "package.json",
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
    ".yarnrc.yml",
    "go.mod",
    "go.sum",
    "pom.xml",
    "build.gradle",
    "build.gradle.kts",
    "settings.gradle*",
    "gemfile",
    "gemfile.lock",
    "composer.json",
    "composer.lock",
    "cargo.toml",
    "cargo.lock",
)


@register
class ContextCopiedBeforeInstall(Rule):
    id = "DF016"
    slug = "context-copied-before-install"
    severity = Severity.WARNING
    title = "Whole build context copied before dependencies are installed"
    rationale = (
        "Docker reuses a cached layer only while everything before it is unchanged. After `COPY . .`, any "
        "edit to any file invalidates the cache, so the dependency install that follows runs again on every "
        "build. Copy the dependency manifests first, install, then copy the rest."
    )
    bad = "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n"
    good = (
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\n"
        "RUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n"
    )
    fix_title = "Copy the dependency manifests and install before `COPY . .`"
    notes = (
        "Reported when a stage copies the whole context (`.`, `./`, `*`) before any dependency manifest "
        "(requirements*.txt, pyproject.toml, package.json, go.mod, pom.xml, Gemfile, composer.json, "
        "Cargo.toml, their lock files...) and later installs dependencies (pip -r / pip install ., poetry, "
        "pipenv, uv sync, npm ci/install, yarn, pnpm, go mod download, bundle, composer, cargo fetch, mvn "
        "dependency:*, gradle dependencies)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            whole_copy: Instruction | None = None
            for instruction in stage.instructions:
                if instruction.keyword in ("COPY", "ADD"):
                    paths = copy_paths(instruction)
                    if paths is None or paths.from_stage is not None:
                        continue
                    sources = [w.value for w in paths.sources]
                    if whole_copy is None and any(is_whole_context(s) for s in sources):
                        whole_copy = instruction
                    elif whole_copy is None and any(_is_manifest(s) for s in sources):
                        break  # manifests come first: the layout is right
                elif instruction.keyword == "RUN" and whole_copy is not None:
                    install = next((c for c in commands_of(instruction) if _installs_dependencies(c)), None)
                    if install is not None:
                        head = " ".join(w.value for w in install.words[:4])
                        yield self.finding(
                            whole_copy.span,
                            f"`{whole_copy.keyword_text} {whole_copy.arguments.strip()}` comes before `{head}` "
                            f"(line {install.span.start_line}): every source change re-runs the install",
                        )
                        break


# Every manifest pattern in one regex: one match instead of one fnmatch per pattern.
_MANIFEST = re.compile("|".join(fnmatch.translate(p) for p in MANIFESTS))
_GLOB_CHARS = frozenset("*?[")


def _is_manifest(source: str) -> bool:
    name = posixpath.basename(source.rstrip("/")).lower()
    if _MANIFEST.match(name):
        return True
    if _GLOB_CHARS.isdisjoint(name):
        # A name without glob characters, read as a pattern, matches only itself, which _MANIFEST checked.
        return False
    # The source may itself be a glob (`package*.json`): match either way round.
    return any(fnmatch.fnmatchcase(p, name) for p in MANIFESTS)


def _installs_dependencies(command: ShellCommand) -> bool:
    program = command.program
    positional = [a.value for a in command.positional()]
    first = positional[0] if positional else ""
    pip = pip_call(command)
    if pip is not None:
        if pip.subcommand.value != "install":
            return False
        return command.has_flag("-r", "--requirement") or any(a.value in (".", "./") for a in pip.args)
    if program in ("npm", "pnpm"):
        return first in ("ci", "install", "i") and len(positional) == 1
    if program == "yarn":
        return first in ("", "install")
    simple = {
        "poetry": ("install",),
        "pipenv": ("install", "sync"),
        "uv": ("sync",),
        "pdm": ("install", "sync"),
        "bundle": ("install",),
        "composer": ("install",),
        "cargo": ("fetch",),
    }
    if program in simple:
        return first in simple[program]
    if program == "go":
        return positional[:2] == ["mod", "download"]
    if program in ("mvn", "mvnw"):
        return any(p.startswith("dependency:") for p in positional)
    if program in ("gradle", "gradlew"):
        return "dependencies" in positional
    return False
