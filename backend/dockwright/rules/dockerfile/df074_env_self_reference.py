from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, KeyValue
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register

_REFERENCE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")


@register
class EnvSelfReference(Rule):
    id = "DF074"
    slug = "env-self-reference"
    severity = Severity.ERROR
    title = "ENV uses a variable set earlier in the same ENV"
    rationale = (
        "All values of one ENV instruction are substituted before any is set, so `ENV A=1 B=$A` gives B the "
        "value A had before this line (usually nothing), not 1."
    )
    bad = "FROM debian:12\nENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin\n"
    good = "FROM debian:12\nENV APP_HOME=/srv/app\nENV APP_BIN=$APP_HOME/bin\n"
    fix_title = "Split the ENV so the variable is set before it is used"
    equivalents = {"hadolint": "DL3044"}
    notes = "`ENV PATH=/opt/bin:$PATH` (a variable extending its own earlier value) is fine and not reported."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in document.all_instructions():
            if instruction.keyword != "ENV":
                continue
            defined: set[str] = set()
            for pair in instruction.pairs:
                for name in _REFERENCE.findall(pair.value if _expands(document, pair) else ""):
                    if name in defined and name != pair.key:
                        yield self.finding(
                            pair.value_span,
                            f"`{pair.key}` uses `${name}`, which this same ENV sets; it gets the old value",
                        )
                        break
                defined.add(pair.key)


def _expands(document: Dockerfile, pair: KeyValue) -> bool:
    """False for a single-quoted value (`B='$A'`), which BuildKit leaves as written."""
    if "$" not in pair.value:
        return False
    span = pair.value_span
    if span.start_line != span.end_line:
        return True
    raw = document.lines[span.start_line - 1][span.start_column - 1 : span.end_column - 1]
    return not raw.startswith("'")
