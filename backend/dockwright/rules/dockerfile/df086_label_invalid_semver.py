from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import mistyped_labels
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_DESCRIPTION = Message("a semantic version (1.4.2)")


@register
class LabelSemverInvalid(Rule):
    id = "DF086"
    slug = "label-invalid-semver"
    severity = Severity.WARNING
    title = "A label the schema types as semantic version has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.version="1.4"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.version="1.4.2"\n'
    fix_title = "Give the label a semantic version"
    example_config: ClassVar[dict[str, object]] = {"label_schema": {"org.opencontainers.image.version": "semver"}}
    equivalents = {"hadolint": "DL3056"}
    notes = (
        "Only active when `label_schema` gives the label the type `semver`; "
        "values with unresolved variables are skipped."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for pair, value in mistyped_labels(document, context.config.label_schema, "semver"):
            yield self.finding(
                pair.value_span,
                Message(
                    "label `{key}` is `{value}`, which is not {DESCRIPTION}",
                    key=pair.key,
                    value=value,
                    DESCRIPTION=_DESCRIPTION,
                ),
            )
