from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.loader import MAX_CHARS, MAX_DEPTH, MAX_NODES
from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import verbatim
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class YamlLimits(ComposeRule):
    id = "DC002"
    slug = "yaml-limits"
    severity = Severity.ERROR
    title = "The YAML exceeds the analysis limits (size, nesting or alias expansion)"
    rationale = (
        "A few lines of aliases can expand to billions of nodes (the 'billion laughs' attack) and deep "
        "nesting exhausts parsers; no real compose file comes close to these limits, so the file is "
        "reported instead of analysed."
    )
    bad = 'x-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
        f"x-{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(5)
    )
    good = "x-a: &a [lol]\nx-b: [*a, *a]\nservices:\n  web:\n    image: nginx:1.27"
    fix_title = "Remove the runaway aliases or nesting"
    notes = (
        f"Limits: {MAX_CHARS:,} characters, {MAX_NODES:,} nodes once aliases are expanded, {MAX_DEPTH} levels "
        "of nesting (indented blocks and flow collections alike, aliases expanded). Brackets count only when "
        "they open a flow collection (`[...]`, `{...}`): those inside quoted strings, comments, block scalars "
        "(`command: |`) and plain values (`command: echo [[x]]`) do not."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for problem in document.problems:
            if problem.limit:
                yield self.finding(problem.span, verbatim(problem.message))
