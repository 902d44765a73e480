from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.image import is_valid_reference
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import undeclared_in_from
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class InvalidDefaultArgInFrom(Rule):
    id = "DF033"
    slug = "invalid-default-arg-in-from"
    severity = Severity.WARNING
    title = "FROM is not a valid image with the ARG defaults"
    rationale = (
        "When a FROM line is built from ARGs, the Dockerfile should build with their defaults. An ARG "
        "without a default (or with a wrong one) leaves `python:` or an empty name, and `docker build` fails "
        "unless every caller remembers the right `--build-arg`."
    )
    bad = "ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\n"
    good = "ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n"
    fix_title = "Give the ARG a default that makes a valid image reference"
    equivalents = {"buildkit": "InvalidDefaultArgInFrom"}
    notes = (
        "Only FROM lines that use variables are checked. When a variable is not declared at all, "
        "undefined-arg-in-from reports it instead (BuildKit reports both). A warning, as in BuildKit: "
        "a Dockerfile meant to be built only with `--build-arg` builds for the callers who pass it."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            instruction = stage.from_instruction
            if "$" not in stage.image_text or not instruction.words or undeclared_in_from(instruction):
                continue
            expansion = instruction.expand(instruction.words[0].value)
            if expansion.given_up:
                continue  # over a limit of the analysis: DF108 says so
            resolved = expansion.value
            if not is_valid_reference(resolved):
                shown = Message("`{resolved}`", resolved=resolved) if resolved else Message("an empty name")
                yield self.finding(
                    stage.image_span,
                    Message(
                        "with the ARG defaults, `{image_text}` becomes {shown}, which is not a valid image",
                        image_text=stage.image_text,
                        shown=shown,
                    ),
                )
