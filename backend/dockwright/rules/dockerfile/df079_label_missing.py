from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import final_labels
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register


@register
class LabelMissing(Rule):
    id = "DF079"
    slug = "label-missing"
    severity = Severity.INFO
    title = "A label required by the label schema is missing"
    rationale = (
        "Teams that require labels (owner, source, version...) use them to trace an image back to its code "
        "and its maintainers; an image without them cannot be traced."
    )
    bad = "FROM debian:12\n"
    good = 'FROM debian:12\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n'
    fix_title = "Add the label to the final stage"
    example_config: ClassVar[dict[str, object]] = {"label_schema": {"org.opencontainers.image.source": "url"}}
    equivalents = {"hadolint": "DL3049"}
    notes = (
        "Only active with `label_schema` in the config. Checked on the final stage (and the stages it builds "
        "on), the one that becomes the image; labels of intermediate stages are discarded."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        final = document.final_stage
        if final is None or not context.config.label_schema:
            return
        present = final_labels(document)
        for name in sorted(context.config.label_schema):
            if name not in present:
                yield self.finding(final.from_instruction.keyword_span, f"the image has no label `{name}`")
