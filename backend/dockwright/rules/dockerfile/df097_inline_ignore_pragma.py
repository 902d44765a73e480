from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_PRAGMA = re.compile(r"#\s*(dockwright|hadolint)\s+(global\s+|stage\s+)?ignore\s*=", re.IGNORECASE)


@register
class InlineIgnorePragma(Rule):
    id = "DF097"
    slug = "inline-ignore-pragma"
    severity = Severity.INFO
    title = "An inline comment switches a rule off"
    rationale = (
        "Some teams want every exception in the shared configuration, where it is reviewed once, rather "
        "than scattered through Dockerfiles."
    )
    bad = "FROM python:3.12-slim\n# dockwright ignore=DF052\nRUN pip install flask\n"
    good = "FROM python:3.12-slim\nRUN pip install flask==3.0.3\n"
    fix_title = "Remove the comment and record the exception in the configuration"
    equivalents = {"hadolint": "DL1001"}
    enabled_by_default = False
    notes = "Off by default, as in hadolint."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for comment in document.comments:
            line = document.lines[comment.line - 1]
            match = _PRAGMA.search(line)
            if match:
                yield self.finding(
                    Span(comment.line, match.start() + 1, comment.line, len(line) + 1),
                    Message("an inline pragma switches rules off for this file"),
                )
