from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class UntaggedImage(Rule):
    id = "DF002"
    slug = "untagged-image"
    severity = Severity.WARNING
    title = "Base image has no tag"
    rationale = (
        "Without a tag Docker pulls `latest`, which moves: the same Dockerfile builds a different image "
        "tomorrow, and a rebuild can pick up a new major release without anyone noticing."
    )
    bad = "FROM python\n"
    good = "FROM python:3.12-slim\n"
    fix_title = "Pin a release tag (or a digest)"
    equivalents = {"hadolint": "DL3006"}
    notes = "The image is checked after ARG substitution, so `FROM ${BASE}` with `ARG BASE=python` is caught."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            image = stage.image
            if image is None or image.is_scratch or image.tag or image.digest:
                continue
            yield self.finding(
                stage.image_span, Message("`{image}` has no tag, so it means `{image}:latest`", image=image.raw)
            )
