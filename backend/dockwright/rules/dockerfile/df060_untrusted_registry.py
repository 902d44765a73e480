from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.image import ImageRef
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import from_sources
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

DOCKER_HUB = ("docker.io", "index.docker.io", "registry-1.docker.io", "hub.docker.com")


@register
class UntrustedRegistry(Rule):
    id = "DF060"
    slug = "untrusted-registry"
    severity = Severity.ERROR
    title = "An image comes from a registry that is not trusted"
    rationale = (
        "When a team restricts where images come from (`trusted_registries` in the config), an image from "
        "elsewhere bypasses its scanning and mirroring, whether it is a base image or one that `COPY --from` "
        "or a `RUN --mount` takes files from."
    )
    bad = "FROM quay.io/acme/base:1.0\n"
    good = "FROM registry.example.com/acme/base:1.0\n"
    fix_title = "Pull the image from a trusted registry (or mirror it there)"
    example_config: ClassVar[dict[str, object]] = {"trusted_registries": ["registry.example.com"]}
    equivalents = {"hadolint": "DL3026"}
    notes = (
        "Only active when `trusted_registries` is set. Entries may use wildcards (`*.gcr.io`); docker.io "
        "also covers index.docker.io and images without a registry. As in hadolint, the images of `COPY "
        "--from` and of `RUN --mount=...,from=` are checked too (a stage name is not an image)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        trusted = [t.lower() for t in context.config.trusted_registries]
        if not trusted:
            return
        images: list[tuple[ImageRef | None, Span]] = [(stage.image, stage.image_span) for stage in document.stages]
        images.extend((source.image, source.span) for source in from_sources(document))
        for image, span in images:
            if image is None or image.is_scratch:
                continue
            registry = image.effective_registry.lower()
            names = DOCKER_HUB if registry in DOCKER_HUB else (registry,)
            if any(fnmatch.fnmatchcase(name, pattern) for name in names for pattern in trusted):
                continue
            yield self.finding(
                span,
                Message(
                    "`{image}` comes from {registry}, which is not in trusted_registries ({trusted})",
                    image=image.raw,
                    registry=registry,
                    trusted=", ".join(trusted),
                ),
            )
