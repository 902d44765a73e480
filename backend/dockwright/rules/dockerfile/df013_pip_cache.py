from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import command_span, insert_after, sets_before
from dockwright.dockerfile.queries.mounts import mounts
from dockwright.dockerfile.queries.packages import PIP, caches_kept
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


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
        "Covers `pip`, `pip2`, `pip3.12`, `python -m pip` and `python3 -u -m pip` alike (as DF052 does). Not "
        "reported when PIP_NO_CACHE_DIR is set (ENV or ARG in scope, on the command, or earlier in the RUN) to "
        "any value (pip disables the cache even for `false`, for backward compatibility, which hadolint gets "
        "wrong), or when the RUN has a cache mount (the cache "
        "is then managed on purpose), or when a `pip cache purge` (or an `rm` of /root/.cache/pip) follows the "
        "install in the same RUN. Only stages that end up in the image are checked (the final stage, "
        "those it builds on, and ONBUILD triggers): a builder stage's cache never ships."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for kept in caches_kept(document, PIP):
            for use in kept:
                instruction, command = use.instruction, use.command
                if instruction.scope.get("PIP_NO_CACHE_DIR") or mounts(instruction, "cache"):
                    continue
                if dict(command.assignments).get("PIP_NO_CACHE_DIR") or use.subcommand is None:
                    continue
                if sets_before(instruction, command, "PIP_NO_CACHE_DIR"):
                    continue
                yield self.finding(
                    command_span(command, use.subcommand),
                    Message("`{name} ... install` stores its download cache in the layer", name=command.name.value),
                    Fix(Message("Add `--no-cache-dir`"), (insert_after(use.subcommand, "--no-cache-dir"),), safe=True),
                )
