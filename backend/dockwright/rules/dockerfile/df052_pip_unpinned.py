from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import PIP, PIPX, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class PipUnpinned(Rule):
    id = "DF052"
    slug = "pip-unpinned"
    severity = Severity.WARNING
    title = "pip installs a package without a version"
    rationale = (
        "`pip install flask` installs whatever is newest on the day of the build, so two builds of the same "
        "Dockerfile differ, and a new major release can break the image without any change to the code."
    )
    bad = "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n"
    good = "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n"
    fix_title = "Pin the version (`flask==3.0.3`) or install from a requirements or constraints file"
    equivalents = {"hadolint": "DL3013"}
    notes = (
        "Each unpinned package is reported at its own position; a package given through a variable is skipped, and "
        "none when a requirements or constraints file is given. Covers `pip`, `pip2`, `pip3.12`, `python -m pip` "
        "and `python3 -u -m pip` alike (as DF013 does), and `pipx install`."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, PIP, PIPX):
            for word in use.unpinned():
                yield self.finding(
                    word.span,
                    Message("`{word}` is installed by {name} without a version", word=word.value, name=use.tool.name),
                )
