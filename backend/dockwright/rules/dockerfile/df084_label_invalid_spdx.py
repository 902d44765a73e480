from __future__ import annotations

from dockwright.findings import Severity
from dockwright.rules.base import register
from dockwright.rules.dockerfile._label_checks import LabelTypeRule


@register
class LabelSpdxInvalid(LabelTypeRule):
    id = "DF084"
    slug = "label-invalid-spdx"
    severity = Severity.WARNING
    example_label = "org.opencontainers.image.licenses"
    label_type = "spdx"
    description = "an SPDX licence expression (MIT, Apache-2.0 OR MIT)"
    title = "A label the schema types as SPDX licence expression has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache 2"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n'
    fix_title = "Give the label an SPDX licence expression"
    equivalents = {"hadolint": "DL3054"}
    notes = (
        "Only active when `label_schema` gives the label the type `spdx`; values with unresolved variables are skipped."
    )
