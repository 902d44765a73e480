from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import mistyped_labels
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_DESCRIPTION = Message("a git commit hash (7 to 40 lower-case hex digits)")


@register
class LabelGitHashInvalid(Rule):
    id = "DF085"
    slug = "label-invalid-git-hash"
    severity = Severity.WARNING
    title = "A label the schema types as git commit hash has another value"
    rationale = (
        "Tools read typed labels by their format; a value of the wrong form breaks them, and it is usually a "
        "templating mistake in the build."
    )
    bad = 'FROM debian:12\nLABEL org.opencontainers.image.revision="main"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.revision="4f2c9a1d0b7e"\n'
    fix_title = "Give the label a git commit hash"
    example_config: ClassVar[dict[str, object]] = {"label_schema": {"org.opencontainers.image.revision": "hash"}}
    equivalents = {"hadolint": "DL3055"}
    notes = (
        "Only active when `label_schema` gives the label the type `hash`; values with unresolved variables are skipped."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for pair, value in mistyped_labels(document, context.config.label_schema, "hash"):
            yield self.finding(
                pair.value_span,
                Message(
                    "label `{key}` is `{value}`, which is not {DESCRIPTION}",
                    key=pair.key,
                    value=value,
                    DESCRIPTION=_DESCRIPTION,
                ),
            )
