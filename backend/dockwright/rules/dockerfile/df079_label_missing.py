from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import stage_labels
from dockwright.dockerfile.queries.stages import result_stages
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
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
    fix_title = "Add the label to the stage (or a stage it builds on)"
    example_config: ClassVar[dict[str, object]] = {"label_schema": {"org.opencontainers.image.source": "url"}}
    equivalents = {"hadolint": "DL3049"}
    notes = (
        "Only active with `label_schema` in the config. Checked, as in hadolint, on each stage that is a result "
        "of the file (the final stage, and any stage no other builds on or copies from, which `--target` can "
        "build), with the labels of the stages it builds on. A stage another builds on is not a result, so "
        "unlike hadolint its own missing label is not reported: its labels only reach the images built on it."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        if not context.config.label_schema:
            return
        for stage in result_stages(document):
            present = stage_labels(stage)
            for name in sorted(context.config.label_schema):
                if name not in present:
                    yield self.finding(
                        stage.from_instruction.keyword_span, Message("the image has no label `{name}`", name=name)
                    )
