from __future__ import annotations

import fnmatch
import posixpath
import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.commands import commands_of, operands
from dockwright.dockerfile.queries.packages import GO, JS_TOOLS, PIP, package_command
from dockwright.dockerfile.queries.paths import copy_paths, is_whole_context
from dockwright.dockerfile.shell import ShellCommand
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
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
                    install = next((c for i, c in commands_of(instruction) if _installs_dependencies(i, c)), None)
                    if install is not None:
                        head = " ".join(w.value for w in install.words[:4])
                        yield self.finding(
                            whole_copy.span,
                            Message(
                                "`{keyword_text} {arguments}` comes before `{head}` (line {start_line}): every source "
                                "change re-runs the install",
                                keyword_text=whole_copy.keyword_text,
                                arguments=whole_copy.arguments.strip(),
                                head=head,
                                start_line=install.span.start_line,
                            ),
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


# Other tools' dependency installs: the subcommand that installs (or fetches) what the manifest lists.
_INSTALL_SUBCOMMANDS = {
    "poetry": ("install",),
    "pipenv": ("install", "sync"),
    "uv": ("sync",),
    "pdm": ("install", "sync"),
    "bundle": ("install",),
    "composer": ("install",),
    "cargo": ("fetch",),
}


def _installs_dependencies(instruction: Instruction, command: ShellCommand) -> bool:
    use = package_command(instruction, command, PIP, *JS_TOOLS, GO)
    if use is not None:
        if use.tool is PIP:
            return use.action == "install" and (
                use.has_flag("-r", "--requirement") or any(w.value in (".", "./") for w in use.operands)
            )
        if use.tool is GO:
            return use.action == "mod-download"
        return use.action in ("ci", "install") and not use.operands
    program = command.program
    words = [w.value for w in operands(command.args)]
    if program in _INSTALL_SUBCOMMANDS:
        return bool(words) and words[0] in _INSTALL_SUBCOMMANDS[program]
    if program in ("mvn", "mvnw"):
        return any(w.startswith("dependency:") for w in words)
    if program in ("gradle", "gradlew"):
        return "dependencies" in words
    return False
