from __future__ import annotations

import difflib
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import undeclared_in_from
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class UndefinedArgInFrom(Rule):
    id = "DF032"
    slug = "undefined-arg-in-from"
    severity = Severity.WARNING
    title = "FROM uses a variable no global ARG declares"
    rationale = (
        "FROM lines only see ARGs declared before the first FROM (and BuildKit's platform variables). A "
        "variable declared inside a stage, or misspelled, expands to an empty string, so the base image is "
        "not the one intended, or the build fails."
    )
    bad = "FROM python:${PYTHON_VERSION}-slim\n"
    good = "ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n"
    fix_title = "Declare the variable with ARG before the first FROM"
    equivalents = {"buildkit": "UndefinedArgInFrom"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        declared = [n for n in document.stages[0].from_instruction.scope] if document.stages else []
        for stage in document.stages:
            for name, span in undeclared_in_from(stage.from_instruction):
                close = difflib.get_close_matches(name, declared, n=1)
                hint = Message(" (did you mean `{close}`?)", close=close[0]) if close else ""
                yield self.finding(
                    span,
                    Message(
                        "FROM uses `{name}`, which no ARG before the first FROM declares{hint}", name=name, hint=hint
                    ),
                )
