from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.paths import changes_to_copied_files
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ChownAfterCopy(Rule):
    id = "DF017"
    slug = "chown-after-copy"
    severity = Severity.WARNING
    title = "`chown` in a RUN over files a COPY just added"
    rationale = (
        "Changing the owner of a file copies it into a new layer: after `COPY . /app` and `RUN chown -R app "
        "/app` the image carries every file twice (a 200 MB app becomes 400 MB), and the RUN is slow. "
        "`COPY --chown=app:app` sets the owner as the files are written."
    )
    bad = "FROM python:3.12-slim\nRUN useradd app\nCOPY . /app\nRUN chown -R app:app /app\nUSER app\n"
    good = "FROM python:3.12-slim\nRUN useradd app\nCOPY --chown=app:app . /app\nUSER app\n"
    fix_title = "Use `COPY --chown=<user>:<group>` instead"
    notes = (
        "Paths are compared after resolving WORKDIR, ENV/ARG variables and a `cd` to an absolute directory "
        "earlier in the same RUN; a recursive chown of a parent directory also counts."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            for change in changes_to_copied_files(stage, "chown"):
                copy = change.copy
                yield self.finding(
                    change.command.span,
                    Message(
                        "`{change}` rewrites files the {keyword} on line {line} added, storing them twice; use "
                        "`{keyword} --chown={setting}`",
                        change=change.text,
                        keyword=copy.keyword,
                        line=copy.line,
                        setting=change.setting,
                    ),
                )
