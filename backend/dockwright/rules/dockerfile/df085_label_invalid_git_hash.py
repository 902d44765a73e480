from __future__ import annotations

from dockwright.findings import Severity
from dockwright.rules.base import register
from dockwright.rules.dockerfile._label_checks import LabelTypeRule


@register
class LabelGitHashInvalid(LabelTypeRule):
    id = "DF085"
    slug = "label-invalid-git-hash"
    severity = Severity.WARNING
    example_label = "org.opencontainers.image.revision"
    label_type = "hash"
    description = "a git commit hash (7 to 40 lower-case hex digits)"
    title = "A label the schema types as git commit hash has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.revision="main"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.revision="4f2c9a1d0b7e"\n'
    fix_title = "Give the label a git commit hash"
    equivalents = {"hadolint": "DL3055"}
    notes = (
        "Only active when `label_schema` gives the label the type `hash`; values with unresolved variables are skipped."
    )
