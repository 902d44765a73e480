from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import verbatim
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class InterpolationSyntax(ComposeRule):
    id = "DC004"
    slug = "interpolation-syntax"
    severity = Severity.ERROR
    title = "Invalid variable interpolation"
    rationale = (
        "Compose refuses a file whose `${...}` expressions it cannot read (`${}`, `${1X}`, an unclosed "
        "`${`); a literal dollar sign must be written `$$`."
    )
    bad = "services:\n  web:\n    image: nginx:${TAG"
    good = "services:\n  web:\n    image: nginx:${TAG:-1.27}"
    fix_title = "Close the expression or escape the dollar sign as `$$`"

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for item in document.interpolation_issues:
            if item.issue.kind == "syntax":
                yield self.finding(item.span, verbatim(item.issue.message))
