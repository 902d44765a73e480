from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.i18n import verbatim
from dockwright.rules.base import Rule, register


@register
class DockerfileSyntax(Rule):
    id = "DF001"
    slug = "dockerfile-syntax"
    severity = Severity.ERROR
    title = "Dockerfile syntax error"
    rationale = (
        "BuildKit refuses to build a Dockerfile with an unknown instruction, a missing argument, an "
        "unterminated heredoc or an instruction before the first FROM. Dockwright reports each error at its "
        "position and still lints the rest of the file, so one typo does not hide every other finding."
    )
    bad = "FROM python:3.12-slim\nRUNN pip install flask\n"
    good = "FROM python:3.12-slim\nRUN pip install flask\n"
    fix_title = "Correct the instruction so BuildKit can parse it"
    notes = (
        "hadolint stops at the first parse error and reports nothing else; Dockwright keeps going. What BuildKit "
        "refuses is reported even where hadolint's parser accepts it: a SHELL in shell form (`ONBUILD SHELL "
        "anything`), a `# check=` directive BuildKit cannot read."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for error in document.errors:
            yield self.finding(error.span, verbatim(error.message))
