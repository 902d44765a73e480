from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import mistyped_labels
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_DESCRIPTION = Message("a URL (https://...)")


@register
class LabelUrlInvalid(Rule):
    id = "DF082"
    slug = "label-invalid-url"
    severity = Severity.WARNING
    title = "A label the schema types as URL has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.source="github.com/acme/app"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n'
    fix_title = "Give the label a URL"
    example_config: ClassVar[dict[str, object]] = {"label_schema": {"org.opencontainers.image.source": "url"}}
    equivalents = {"hadolint": "DL3052"}
    notes = (
        "Only active when `label_schema` gives the label the type `url`; values with unresolved variables are skipped."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for pair, value in mistyped_labels(document, context.config.label_schema, "url"):
            yield self.finding(
                pair.value_span,
                Message(
                    "label `{key}` is `{value}`, which is not {DESCRIPTION}",
                    key=pair.key,
                    value=value,
                    DESCRIPTION=_DESCRIPTION,
                ),
            )
