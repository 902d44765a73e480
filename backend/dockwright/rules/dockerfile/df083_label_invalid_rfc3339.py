from __future__ import annotations

from dockwright.findings import Severity
from dockwright.rules.base import register
from dockwright.rules.dockerfile._label_checks import LabelTypeRule


@register
class LabelRfc3339Invalid(LabelTypeRule):
    id = "DF083"
    slug = "label-invalid-rfc3339"
    severity = Severity.WARNING
    example_label = "org.opencontainers.image.created"
    label_type = "rfc3339"
    description = "an RFC 3339 date-time (2024-05-01T12:00:00Z)"
    title = "A label the schema types as RFC 3339 date-time has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01T12:00:00Z"\n'
    fix_title = "Give the label an RFC 3339 date-time"
    equivalents = {"hadolint": "DL3053"}
    notes = (
        "Only active when `label_schema` gives the label the type `rfc3339`; "
        "values with unresolved variables are skipped."
    )
