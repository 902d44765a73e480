from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries import command_span, insertion_after, mounts, pip_installs
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import shipped_run_instructions


@register
class PipCache(Rule):
    id = "DF013"
    slug = "pip-cache"
    severity = Severity.WARNING
    title = "`pip install` keeps its download cache in the image"
    rationale = (
        "pip caches every wheel it downloads or builds under ~/.cache/pip. In an image that cache is dead "
        "weight, often as large as the installed packages themselves, and it is frozen into the layer."
    )
    bad = "FROM python:3.12-slim\nRUN pip install flask==3.0.3\n"
    good = "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n"
    fix_title = "Add `--no-cache-dir`"
    equivalents = {"hadolint": "DL3042"}
    notes = (
        "Covers `pip`, `pip3`, `python -m pip` and `python3 -m pip`. Not reported when PIP_NO_CACHE_DIR is "
        "set (ENV or ARG in scope, or on the command) to any value (pip disables the cache even for `false`, "
        "for backward compatibility, which hadolint gets wrong), or when the RUN has a cache mount (the cache "
        "is then managed on purpose). Only stages that end up in the image are checked (the final stage, "
        "those it builds on, and ONBUILD triggers): a builder stage's cache never ships."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, _ in shipped_run_instructions(document):
            if instruction.scope.get("PIP_NO_CACHE_DIR") or mounts(instruction, "cache"):
                continue
            for call in pip_installs(instruction):
                command = call.command
                if command.has_flag("--no-cache-dir") or dict(command.assignments).get("PIP_NO_CACHE_DIR"):
                    continue
                span, text = insertion_after(call.subcommand, "--no-cache-dir")
                yield self.finding(
                    command_span(command, call.subcommand),
                    f"`{command.name.value} ... install` stores its download cache in the layer",
                    Fix("Add `--no-cache-dir`", (Edit(span, text),), safe=True),
                )
