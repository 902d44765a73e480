from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class StageNameCasing(Rule):
    id = "DF101"
    slug = "stage-name-casing"
    severity = Severity.STYLE
    title = "Stage name is not lower case"
    rationale = (
        "Stage names are matched case-insensitively, so `Build` and `build` are the same stage; writing them "
        "in lower case, as BuildKit asks, avoids the impression that they differ."
    )
    bad = "FROM golang:1.23 AS Builder\n"
    good = "FROM golang:1.23 AS builder\n"
    fix_title = "Write the stage name in lower case"
    equivalents = {"buildkit": "StageNameCasing"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            name = stage.name
            if name is None or stage.name_span is None or name == name.lower() or "$" in name:
                continue
            fix = Fix(self.fix_title, (Edit(stage.name_span, name.lower()),), safe=True)
            yield self.finding(
                stage.name_span,
                Message("stage name `{name}` should be lower case: `{name2}`", name=name, name2=name.lower()),
                fix,
            )
