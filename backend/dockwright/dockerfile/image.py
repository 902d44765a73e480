"""Image references: ``[registry/]repository[:tag][@digest]`` split into their parts, and checked against the
grammar BuildKit parses them with."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class ImageRef:
    raw: str
    registry: str | None
    repository: str  # without the registry, e.g. "library/python" is given as "python"
    tag: str | None
    digest: str | None

    @property
    def name(self) -> str:
        """The last path component: ``python`` for ``docker.io/library/python:3.12``."""
        return self.repository.rsplit("/", 1)[-1]

    @property
    def is_scratch(self) -> bool:
        return self.repository == "scratch" and self.registry is None

    @property
    def is_official(self) -> bool:
        return self.registry in (None, "docker.io", "index.docker.io") and "/" not in self.repository.removeprefix(
            "library/"
        )

    @property
    def effective_registry(self) -> str:
        return self.registry or "docker.io"


def parse_image(raw: str) -> ImageRef:
    text = raw.strip()
    digest = None
    if "@" in text:
        text, digest = text.split("@", 1)
    registry = None
    first, sep, rest = text.partition("/")
    if sep and ("." in first or ":" in first or first == "localhost"):
        registry, text = first, rest
    tag = None
    last_slash = text.rfind("/")
    colon = text.rfind(":")
    if colon > last_slash:
        text, tag = text[:colon], text[colon + 1 :]
    repository = text.removeprefix("library/") if registry in (None, "docker.io") else text
    return ImageRef(raw, registry, repository, tag or None, digest or None)


# The image reference grammar of distribution/reference (what BuildKit parses FROM with).
_DOMAIN_PART = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_DOMAIN = rf"{_DOMAIN_PART}(?:\.{_DOMAIN_PART})*(?::[0-9]+)?"
_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_TAG = r"[\w][\w.-]{0,127}"
_DIGEST = r"[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}"
_REFERENCE = re.compile(rf"^(?:{_DOMAIN}/)?{_COMPONENT}(?:/{_COMPONENT})*(?::{_TAG})?(?:@{_DIGEST})?$")


def is_valid_reference(text: str) -> bool:
    """Whether ``text`` is an image reference BuildKit accepts (at most 255 characters)."""
    return len(text) <= 255 and bool(_REFERENCE.match(text))
