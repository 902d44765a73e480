from __future__ import annotations

from dockwright.findings import Severity
from dockwright.rules.base import register
from dockwright.rules.dockerfile._label_checks import LabelTypeRule


@register
class LabelEmailInvalid(LabelTypeRule):
    id = "DF087"
    slug = "label-invalid-email"
    severity = Severity.WARNING
    example_label = "org.opencontainers.image.authors"
    label_type = "email"
    description = "an e-mail address (RFC 5322)"
    title = "A label the schema types as e-mail address has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.authors="ops at example"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.authors="ops@example.com"\n'
    fix_title = "Give the label an e-mail address"
    equivalents = {"hadolint": "DL3058"}
    notes = (
        "Only active when `label_schema` gives the label the type `email`; "
        "values with unresolved variables are skipped."
    )
