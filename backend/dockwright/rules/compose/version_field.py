from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.edits import delete_lines
from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class VersionField(ComposeRule):
    id = "DC011"
    slug = "version-field"
    severity = Severity.WARNING
    title = "The obsolete top-level `version` field"
    rationale = (
        "The Compose specification ignores `version`; Compose prints a warning for it, and it suggests a "
        "file format that no longer exists."
    )
    bad = "version: '3.8'\nservices:\n  web:\n    image: nginx:1.27"
    good = "services:\n  web:\n    image: nginx:1.27"
    fix_title = "Remove the `version` line"
    equivalents = {"dclint": "no-version-field"}

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        key = document.top_key("version")
        value = document.top("version")
        if key is None or value is None:
            return
        line = key.span.start_line
        rest = document.lines[value.span.end_line - 1][value.span.end_column - 1 :].strip()
        alone = key.span.start_column == 1 and value.span.end_line == line and (not rest or rest.startswith("#"))
        edits = (delete_lines(line, line),) if alone else ()
        yield self.finding(
            key.span,
            Message("the `version` field is obsolete and ignored by Compose"),
            Fix(self.fix_title, edits, safe=alone),
        )
