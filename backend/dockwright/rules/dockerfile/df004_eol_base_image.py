from __future__ import annotations

from collections.abc import Iterator

from dockwright import knowledge
from dockwright.context import LintContext
from dockwright.data.eol import end_of_life
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class EolBaseImage(Rule):
    id = "DF004"
    knows = staticmethod(knowledge.release_lines)
    slug = "eol-base-image"
    severity = Severity.WARNING
    title = "Base image release is end-of-life"
    rationale = (
        "Once a release reaches its end of life it gets no security fixes; every vulnerability found "
        "afterwards stays in the image. This includes the OS a variant tag names, as in `-buster`."
    )
    bad = "FROM python:3.8-slim\n"
    good = "FROM python:3.13-slim\n"
    fix_title = "Move to a supported release"
    notes = "Uses a dated table in the engine (see dockwright/data/eol.py); the date of the check is configurable."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            image = stage.image
            if image is None or not image.is_official:
                continue
            for release in end_of_life(image.name, image.tag, context.today):
                yield self.finding(
                    stage.image_span,
                    Message(
                        "{product} {release} in `{image}` reached its end of life on {eol} ({source})",
                        product=release.product,
                        release=release.release,
                        image=image.raw,
                        eol=release.eol.isoformat(),
                        source=release.source,
                    ),
                )
