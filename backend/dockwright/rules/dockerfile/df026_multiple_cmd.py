from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import overridden
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class MultipleCmd(Rule):
    id = "DF026"
    slug = "multiple-cmd"
    severity = Severity.WARNING
    title = "Several CMD instructions in one stage"
    rationale = (
        "Only the last CMD of a stage takes effect; the earlier ones are silently ignored, which usually "
        "means a command someone expects to run never does."
    )
    bad = 'FROM python:3.12-slim\nCMD ["python", "manage.py", "migrate"]\nCMD ["gunicorn", "app.wsgi"]\n'
    good = 'FROM python:3.12-slim\nCMD ["gunicorn", "app.wsgi"]\n'
    fix_title = "Keep a single CMD per stage"
    equivalents = {"hadolint": "DL4003", "buildkit": "MultipleInstructionsDisallowed"}
    notes = (
        "Like BuildKit, the overridden (earlier) CMD is reported; hadolint reports the later one, so a "
        "`# hadolint ignore=DL4003` comment must sit above the earlier instruction to silence Dockwright."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for earlier, later in overridden(document, "CMD"):
            message = Message("this CMD has no effect: the CMD on line {line} replaces it", line=later.line)
            yield self.finding(earlier.keyword_span, message)
