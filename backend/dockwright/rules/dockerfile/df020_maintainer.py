from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

AUTHORS_LABEL = "org.opencontainers.image.authors"


@register
class Maintainer(Rule):
    id = "DF020"
    slug = "maintainer"
    severity = Severity.INFO
    title = "MAINTAINER is deprecated"
    rationale = (
        "MAINTAINER has been deprecated since Docker 1.13. A label is visible to the same tools and follows "
        "the OCI annotation every registry understands: `org.opencontainers.image.authors`."
    )
    bad = "FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n"
    good = 'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n'
    fix_title = f'Replace with `LABEL {AUTHORS_LABEL}="..."`'
    equivalents = {"hadolint": "DL4000", "buildkit": "MaintainerDeprecated"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "MAINTAINER"):
            yield self.finding(instruction.keyword_span, Message("MAINTAINER is deprecated"), _label_fix(instruction))


def _label_fix(instruction: Instruction) -> Fix | None:
    if instruction.heredocs or not instruction.arguments.strip():
        return None
    escape = instruction.escape
    value = instruction.arguments.strip()
    # MAINTAINER takes its text literally; in LABEL, quotes, the escape character and `$` are special.
    for special in (escape, '"', "$"):
        value = value.replace(special, escape + special)
    keyword = "label" if instruction.keyword_text.islower() else "LABEL"
    replacement = f'{keyword} {AUTHORS_LABEL}="{value}"'
    return Fix(
        Message("Replace with `{replacement}`", replacement=replacement),
        (Edit(instruction.span, replacement),),
        safe=True,
    )
