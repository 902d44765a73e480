from __future__ import annotations

from dockwright.findings import Severity
from dockwright.rules.base import register
from dockwright.rules.dockerfile._label_checks import LabelTypeRule


@register
class LabelSemverInvalid(LabelTypeRule):
    id = "DF086"
    slug = "label-invalid-semver"
    severity = Severity.WARNING
    example_label = "org.opencontainers.image.version"
    label_type = "semver"
    description = "a semantic version (1.4.2)"
    title = "A label the schema types as semantic version has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.version="1.4"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.version="1.4.2"\n'
    fix_title = "Give the label a semantic version"
    equivalents = {"hadolint": "DL3056"}
    notes = (
        "Only active when `label_schema` gives the label the type `semver`; "
        "values with unresolved variables are skipped."
    )
