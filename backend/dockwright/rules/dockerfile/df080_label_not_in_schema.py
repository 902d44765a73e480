from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import label_pairs
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class LabelNotInSchema(Rule):
    id = "DF080"
    slug = "label-not-in-schema"
    severity = Severity.INFO
    title = "A label is not in the label schema"
    rationale = "With strict labels, only the labels the team agreed on may be set, so that none drift or misspell."
    bad = 'FROM debian:12\nLABEL maintainer="ops@example.com"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.authors="ops@example.com"\n'
    fix_title = "Remove the label or add it to the schema"
    example_config: ClassVar[dict[str, object]] = {
        "label_schema": {"org.opencontainers.image.authors": "email"},
        "strict_labels": True,
    }
    equivalents = {"hadolint": "DL3050"}
    notes = "Only active with `strict_labels: true` and a `label_schema`."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        schema = context.config.label_schema
        if not context.config.strict_labels or not schema:
            return
        for _, pair in label_pairs(document):
            if pair.key not in schema:
                yield self.finding(pair.key_span, Message("label `{key}` is not in the label schema", key=pair.key))
