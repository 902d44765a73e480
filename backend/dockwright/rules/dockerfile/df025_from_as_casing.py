from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class FromAsCasing(Rule):
    id = "DF025"
    slug = "from-as-casing"
    severity = Severity.STYLE
    title = "`AS` casing does not match `FROM`"
    rationale = (
        "Keywords read best in one case: `FROM image AS name` or `from image as name`. BuildKit warns about the mix."
    )
    bad = "FROM golang:1.23 as build\n"
    good = "FROM golang:1.23 AS build\n"
    fix_title = "Write `AS` in the same case as `FROM`"
    equivalents = {"buildkit": "FromAsCasing"}
    notes = (
        "As in BuildKit: a lower-case `from` wants `as`, an upper-case `FROM` wants `AS`; a FROM in mixed case "
        "(`From`) is left to the casing rule (DF103), as BuildKit does."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            words = stage.from_instruction.words
            if stage.as_text is None or len(words) < 2:
                continue
            keyword = stage.from_instruction.keyword_text
            if keyword not in (keyword.lower(), keyword.upper()):
                continue
            expected = "as" if keyword == keyword.lower() else "AS"
            if stage.as_text == expected:
                continue
            as_word = words[1]
            yield self.finding(
                as_word.span,
                Message("`{as_text}` does not match the casing of `{keyword}`", as_text=stage.as_text, keyword=keyword),
                Fix(Message("Write `{expected}`", expected=expected), (Edit(as_word.span, expected),), safe=True),
            )
