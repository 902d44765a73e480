from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.paths import changes_to_copied_files
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class ChmodAfterCopy(Rule):
    id = "DF018"
    slug = "chmod-after-copy"
    severity = Severity.INFO
    title = "`chmod` in a RUN over files a COPY just added"
    rationale = (
        "Changing a file's mode copies it into a new layer, so the image stores it twice. `COPY --chmod=755` "
        "(BuildKit) sets the mode as the file is written, in the same layer."
    )
    bad = "FROM debian:12\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/entrypoint.sh\n"
    good = "FROM debian:12\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\n"
    fix_title = "Use `COPY --chmod=<mode>` instead"
    notes = (
        "Any later RUN of the same stage counts, not only the one right after the COPY: the duplicate is the "
        "same. Paths are resolved as for chown-after-copy. `COPY --chmod` with a symbolic mode (`+x`) needs a "
        "recent Dockerfile frontend; an octal mode works everywhere BuildKit does."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            for change in changes_to_copied_files(stage, "chmod"):
                copy = change.copy
                yield self.finding(
                    change.command.span,
                    Message(
                        "`{change}` rewrites files the {keyword} on line {line} added, storing them twice; use "
                        "`{keyword} --chmod=<mode>`",
                        change=change.text,
                        keyword=copy.keyword,
                        line=copy.line,
                    ),
                )
