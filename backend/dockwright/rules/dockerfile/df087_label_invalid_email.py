from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import mistyped_labels
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_DESCRIPTION = Message("an e-mail address (RFC 5322)")


@register
class LabelEmailInvalid(Rule):
    id = "DF087"
    slug = "label-invalid-email"
    severity = Severity.WARNING
    title = "A label the schema types as e-mail address has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.authors="ops at example"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.authors="ops@example.com"\n'
    fix_title = "Give the label an e-mail address"
    example_config: ClassVar[dict[str, object]] = {"label_schema": {"org.opencontainers.image.authors": "email"}}
    equivalents = {"hadolint": "DL3058"}
    notes = (
        "Only active when `label_schema` gives the label the type `email`; "
        "values with unresolved variables are skipped."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for pair, value in mistyped_labels(document, context.config.label_schema, "email"):
            yield self.finding(
                pair.value_span,
                Message(
                    "label `{key}` is `{value}`, which is not {DESCRIPTION}",
                    key=pair.key,
                    value=value,
                    DESCRIPTION=_DESCRIPTION,
                ),
            )
