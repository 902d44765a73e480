from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import mistyped_labels
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_DESCRIPTION = Message("an RFC 3339 date-time (2024-05-01T12:00:00Z)")


@register
class LabelRfc3339Invalid(Rule):
    id = "DF083"
    slug = "label-invalid-rfc3339"
    severity = Severity.WARNING
    title = "A label the schema types as RFC 3339 date-time has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n'
    fix_title = "Give the label an RFC 3339 date-time"
    example_config: ClassVar[dict[str, object]] = {"label_schema": {"org.opencontainers.image.created": "rfc3339"}}
    equivalents = {"hadolint": "DL3053"}
    notes = (
        "Only active when `label_schema` gives the label the type `rfc3339`; "
        "values with unresolved variables are skipped."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for pair, value in mistyped_labels(document, context.config.label_schema, "rfc3339"):
            yield self.finding(
                pair.value_span,
                Message(
                    "label `{key}` is `{value}`, which is not {DESCRIPTION}",
                    key=pair.key,
                    value=value,
                    DESCRIPTION=_DESCRIPTION,
                ),
            )
