from __future__ import annotations

from dockwright.findings import Severity
from dockwright.rules.base import register
from dockwright.rules.dockerfile._label_checks import LabelTypeRule


@register
class LabelUrlInvalid(LabelTypeRule):
    id = "DF082"
    slug = "label-invalid-url"
    severity = Severity.WARNING
    example_label = "org.opencontainers.image.source"
    label_type = "url"
    description = "a URL (https://...)"
    title = "A label the schema types as URL has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.source="github.com/acme/app"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n'
    fix_title = "Give the label a URL"
    equivalents = {"hadolint": "DL3052"}
    notes = (
        "Only active when `label_schema` gives the label the type `url`; values with unresolved variables are skipped."
    )
