from __future__ import annotations

from collections.abc import Iterator

from dockwright.budget import DEFAULT_LIMITS
from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.i18n import verbatim
from dockwright.rules.base import Rule, register

_DEFAULTS = DEFAULT_LIMITS


@register
class AnalysisLimits(Rule):
    id = "DF108"
    slug = "analysis-limits"
    severity = Severity.INFO
    title = "Part of the Dockerfile is over the analysis limits and was left unresolved"
    rationale = (
        "Every analysis has a budget, so that no file can exhaust the linter's memory or time: a few lines "
        "of ARGs that each double the one before expand to gigabytes. What goes over a limit is left "
        "unresolved instead, and the rules that needed it stay silent there; this finding says where."
    )
    bad = "FROM alpine:3.20\nENV X=" + "${X:-" * 40 + "}" * 40 + "\n"
    good = "FROM alpine:3.20\nENV X=${X:-default}\n"
    fix_title = "Simplify the value so that it stays within the limits"
    notes = (
        f"Limits: an expanded value of {_DEFAULTS.max_value_chars:,} characters, "
        f"{_DEFAULTS.max_expansion_chars:,} characters of expansion in all, `${{...}}` and brackets nested "
        f"{_DEFAULTS.max_nesting} levels deep, {_DEFAULTS.max_scope_entries:,} variables across all scopes, "
        f"{_DEFAULTS.max_findings_per_rule:,} findings a rule and {_DEFAULTS.max_findings:,} a file (the rest "
        "are counted in one finding). ShellCheck's own limits are reported by DF100. No peer has a "
        "counterpart: hadolint and BuildKit expand without limits."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for problem in document.over_limit:
            yield self.finding(problem.span, verbatim(problem.message))
