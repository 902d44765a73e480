from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.build_context import context_files, ignore_file, read_file
from dockwright.dockerfile.queries.paths import copy_paths, is_whole_context
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# What a folder often holds that must not reach an image, by a file that shows it is there.
# One look at the folder: each costs a read of the disk.
_TELLTALES = ((".env", "`.env` (with its secrets)"),)


@register
class ContextWithoutDockerignore(Rule):
    id = "DF121"
    slug = "context-without-dockerignore"
    severity = Severity.WARNING
    title = "The whole build context is copied and there is no .dockerignore"
    rationale = (
        "`COPY . .` copies everything the folder holds: `.env` files with secrets, the `.git` history, local "
        "virtualenvs and `node_modules` built for the host (which then overwrite what the image installed), "
        "logs and build output. A .dockerignore keeps them out of the build context, and so out of the image "
        "and its cache."
    )
    bad = "FROM node:20-slim\nWORKDIR /app\nCOPY . .\n"
    good = "FROM node:20-slim\nWORKDIR /app\nCOPY package.json server.js ./\n"
    fix_title = "Add a .dockerignore beside the Dockerfile (.git, .env, node_modules, .venv, build output)"
    example_files: ClassVar[dict[str, str]] = {"package.json": "{}\n"}
    notes = (
        "Only judged when the analysis has the Dockerfile's folder (the CLI reads it; an API call with the "
        "Dockerfile alone says nothing about it). `<Dockerfile name>.dockerignore` counts, as in BuildKit. The "
        "message names what the folder is seen to hold (`.env`, `.git`, `node_modules`, a virtualenv). A "
        "build whose context is another folder than the Dockerfile's (a compose `build.context: ..`) keeps its "
        ".dockerignore there: lint the Dockerfile through the compose file (DC037) to judge it there."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        files = context_files(context)
        if files is None or ignore_file(context) is not None:
            return
        leaks: list[str] | None = None
        for instruction in instructions_of(document, "COPY", "ADD"):
            if instruction.flag("from") is not None or instruction.heredocs:
                continue
            paths = copy_paths(instruction)
            if paths is None:
                continue
            whole = next((w for w in paths.sources if is_whole_context(instruction.expand(w.value).value)), None)
            if whole is None:
                continue
            if leaks is None:
                leaks = [text for path, text in _TELLTALES if read_file(files, path) is not None]
            yield self.finding(whole.span, _message(instruction.keyword, leaks))


def _message(keyword: str, leaks: list[str]) -> Message:
    if len(leaks) == 1:
        return Message(
            "{keyword} copies the whole folder and there is no .dockerignore: {found} goes into the image, with "
            "whatever else it holds (.git, local virtualenvs, node_modules)",
            keyword=keyword,
            found=leaks[0],
        )
    if leaks:
        return Message(
            "{keyword} copies the whole folder and there is no .dockerignore: {found} and {last} go into the "
            "image, with whatever else it holds (.git, local virtualenvs, node_modules)",
            keyword=keyword,
            found=", ".join(leaks[:-1]),
            last=leaks[-1],
        )
    return Message(
        "{keyword} copies the whole folder and there is no .dockerignore: whatever it holds (.git, .env "
        "files, local virtualenvs, node_modules) goes into the image",
        keyword=keyword,
    )
