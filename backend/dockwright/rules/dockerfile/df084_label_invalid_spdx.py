from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import mistyped_labels
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_DESCRIPTION = Message("an SPDX licence expression (MIT, Apache-2.0 OR MIT)")


@register
class LabelSpdxInvalid(Rule):
    id = "DF084"
    slug = "label-invalid-spdx"
    severity = Severity.WARNING
    title = "A label the schema types as SPDX licence expression has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache 2"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n'
    fix_title = "Give the label an SPDX licence expression"
    example_config: ClassVar[dict[str, object]] = {"label_schema": {"org.opencontainers.image.licenses": "spdx"}}
    equivalents = {"hadolint": "DL3054"}
    notes = (
        "Only active when `label_schema` gives the label the type `spdx`; values with unresolved variables are skipped."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for pair, value in mistyped_labels(document, context.config.label_schema, "spdx"):
            yield self.finding(
                pair.value_span,
                Message(
                    "label `{key}` is `{value}`, which is not {DESCRIPTION}",
                    key=pair.key,
                    value=value,
                    DESCRIPTION=_DESCRIPTION,
                ),
            )
