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
class LabelEmpty(Rule):
    id = "DF081"
    slug = "label-empty"
    severity = Severity.WARNING
    title = "A label of the label schema is empty"
    rationale = "A required label set to an empty string satisfies the letter of the schema but carries nothing."
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.version=""\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.version="1.4.2"\n'
    fix_title = "Give the label a value"
    example_config: ClassVar[dict[str, object]] = {"label_schema": {"org.opencontainers.image.version": "semver"}}
    equivalents = {"hadolint": "DL3051"}
    notes = "Only active with `label_schema` in the config; checks the labels it names."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        schema = context.config.label_schema
        for instruction, pair in label_pairs(document):
            if pair.key in schema and not instruction.expand(pair.value).value.strip() and "$" not in pair.value:
                yield self.finding(pair.key_span, Message("label `{key}` is empty", key=pair.key))
