from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile.df032_undefined_arg_in_from import undeclared_in_from

# The image reference grammar of distribution/reference (what BuildKit parses FROM with).
_DOMAIN_PART = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_DOMAIN = rf"{_DOMAIN_PART}(?:\.{_DOMAIN_PART})*(?::[0-9]+)?"
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_TAG = r"[\w][\w.-]{0,127}"
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}"
REFERENCE = re.compile(rf"^(?:{_DOMAIN}/)?{_COMPONENT}(?:/{_COMPONENT})*(?::{_TAG})?(?:@{_DIGEST})?$")


def is_valid_reference(text: str) -> bool:
    return len(text) <= 255 and bool(REFERENCE.match(text))


@register
class InvalidDefaultArgInFrom(Rule):
    id = "DF033"
    slug = "invalid-default-arg-in-from"
    severity = Severity.ERROR
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
        "undefined-arg-in-from reports it instead (BuildKit reports both)."
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
                shown = f"`{resolved}`" if resolved else "an empty name"
                yield self.finding(
                    stage.image_span,
                    f"with the ARG defaults, `{stage.image_text}` becomes {shown}, which is not a valid image",
                )
