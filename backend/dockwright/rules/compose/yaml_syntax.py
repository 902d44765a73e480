from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import verbatim
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class YamlSyntax(ComposeRule):
    id = "DC001"
    slug = "yaml-syntax"
    severity = Severity.ERROR
    title = "The file is not valid YAML"
    rationale = (
        "Compose refuses a file it cannot parse, and duplicate keys are an error for Compose's YAML reader "
        "even where other readers silently keep the last one."
    )
    bad = "services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26"
    good = "services:\n  web:\n    image: nginx:1.27"
    fix_title = "Correct the YAML at the reported position"
    equivalents = {"dclint": "invalid-yaml"}

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for problem in document.problems:
            if not problem.limit:
                yield self.finding(problem.span, verbatim(problem.message))
