from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class MissingProjectName(ComposeRule):
    id = "DC015"
    slug = "missing-project-name"
    severity = Severity.INFO
    title = "The file does not set the project `name`"
    rationale = (
        "Without `name`, the project is named after the directory, so the same file checked out under "
        "another folder name creates a second set of containers, networks and volumes."
    )
    bad = "services:\n  web:\n    image: nginx:1.27"
    good = "name: shop\nservices:\n  web:\n    image: nginx:1.27"
    fix_title = "Add a top-level `name:`"
    equivalents = {"dclint": "require-project-name-field"}
    enabled_by_default = False
    notes = "Off by default: the directory name is a fine project name for most projects. dclint enables it."

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        if document.mapping is not None and "name" not in document.mapping:
            yield self.finding(Span(1, 1, 1, 2), Message("the project `name` is not set"))
