from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class LatestTag(Rule):
    id = "DF003"
    slug = "latest-tag"
    severity = Severity.WARNING
    title = "Base image uses the `latest` tag"
    rationale = "`latest` moves; the same Dockerfile builds a different image tomorrow."
    bad = "FROM python:latest\n"
    good = "FROM python:3.12-slim\n"
    fix_title = "Pin a release tag or a digest"
    equivalents = {"hadolint": "DL3007"}
    notes = (
        "Resolved through ARG defaults: `ARG TAG=latest` then `FROM python:${TAG}` is caught, which hadolint "
        "misses. A digest pin (`python:latest@sha256:...`) is accepted. A tag ending in `-latest` "
        "(`mcr.microsoft.com/mssql/server:2022-latest`) moves the same way and is reported too; hadolint compares "
        "the whole tag."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            image = stage.image
            tag = image.tag if image is not None else None
            if image is None or tag is None or image.digest or not (tag == "latest" or tag.endswith("-latest")):
                continue
            via = "" if "$" not in stage.image_text else Message(" (from `{image_text}`)", image_text=stage.image_text)
            yield self.finding(
                stage.image_span, Message("`{image}` uses the moving `latest` tag{via}", image=image.raw, via=via)
            )
