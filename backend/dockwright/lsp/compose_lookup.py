"""What is at a position of a parsed Compose file: a reference to a service, network, volume, secret or config
(``depends_on``, ``links``, ``extends``, ``networks``, ``volumes``, ``volumes_from``, ``secrets``,
``configs``, ``network_mode: service:x``), a file (``include``, ``extends.file``, ``build``), an image."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass

from dockwright.compose.model import SERVICE_NAMESPACES, ComposeFile, Service
from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence
from dockwright.lsp.positions import contains

SECTIONS = ("services", "networks", "volumes", "secrets", "configs")


@dataclass(frozen=True)
class NameReference:
    """``name`` under the top-level ``section``; in the file ``file`` (relative path) when it is not None."""

    section: str
    name: str
    file: str | None = None


@dataclass(frozen=True)
class FileReference:
    path: str  # relative to the Compose file's folder


def reference_at(document: ComposeFile, line: int, column: int) -> NameReference | FileReference | None:
    for node, reference in _references(document):
        if contains(node.span, line, column):
            return reference
    return None


def image_at(document: ComposeFile, line: int, column: int) -> Scalar | None:
    """The ``image:`` value of a service under the cursor."""
    for service in document.services:
        node = service.written.get("image")
        if isinstance(node, Scalar) and contains(node.span, line, column):
            return node
    return None


def definition(document: ComposeFile, section: str, name: str) -> Scalar | None:
    """The key that defines ``name`` under the top-level ``section``."""
    node = document.top(section)
    return node.key(name) if isinstance(node, Mapping) else None


def included_files(document: ComposeFile) -> list[str]:
    """The paths ``include`` names, as written (short form, or the long form's ``path``)."""
    node = document.top("include")
    paths: list[str] = []
    for item in node.items if isinstance(node, Sequence) else []:
        target = item.get("path") if isinstance(item, Mapping) else item
        paths.extend(scalar.text for scalar in _scalars(target))
    return [path for path in paths if path.strip()]


def _references(document: ComposeFile) -> Iterator[tuple[Node, NameReference | FileReference]]:
    include = document.top("include")
    for item in include.items if isinstance(include, Sequence) else []:
        target = item.get("path") if isinstance(item, Mapping) else item
        for scalar in _scalars(target):
            yield scalar, FileReference(scalar.text)
    for service in document.services:
        yield from _service_references(service)


def _service_references(service: Service) -> Iterator[tuple[Node, NameReference | FileReference]]:
    body = service.written
    for node in _names(body.get("depends_on")):
        yield node, NameReference("services", node.text)
    for node in _scalars(body.get("links")):
        yield node, NameReference("services", node.text.split(":", 1)[0].strip())
    for node in _scalars(body.get("volumes_from")):
        if not node.text.startswith("container:"):
            yield node, NameReference("services", node.text.split(":", 1)[0].strip())
    for setting in SERVICE_NAMESPACES:
        mode = body.get(setting)
        if isinstance(mode, Scalar) and mode.text.startswith("service:"):
            yield mode, NameReference("services", mode.text.removeprefix("service:").strip())
    yield from _extends(body.get("extends"))
    yield from _build(body.get("build"))
    for node in _names(body.get("networks")):
        yield node, NameReference("networks", node.text)
    for section in ("secrets", "configs"):
        for node in _sources(body.get(section)):
            yield node, NameReference(section, node.text)
    yield from _volumes(body.get("volumes"))


def _extends(node: Node | None) -> Iterator[tuple[Node, NameReference | FileReference]]:
    if isinstance(node, Scalar):
        yield node, NameReference("services", node.text.strip())
    elif isinstance(node, Mapping):
        file_node = node.get("file")
        file = file_node.text if isinstance(file_node, Scalar) and file_node.text.strip() else None
        service = node.get("service")
        if isinstance(service, Scalar):
            yield service, NameReference("services", service.text.strip(), file)
        if file is not None and isinstance(file_node, Scalar):
            yield file_node, FileReference(file)


def _build(node: Node | None) -> Iterator[tuple[Node, FileReference]]:
    """The Dockerfile a service builds (a remote context has none to open)."""
    if isinstance(node, Scalar):
        if "://" not in node.text and not node.text.startswith("git@"):
            yield node, FileReference(posixpath.join(node.text or ".", "Dockerfile"))
    elif isinstance(node, Mapping):
        context = node.get("context")
        context_dir = context.text if isinstance(context, Scalar) and context.text else "."
        dockerfile = node.get("dockerfile")
        if isinstance(dockerfile, Scalar) and "://" not in context_dir:
            yield dockerfile, FileReference(posixpath.join(context_dir, dockerfile.text))


def _volumes(node: Node | None) -> Iterator[tuple[Node, NameReference]]:
    """Named volumes: ``name:/path[:mode]`` in the short syntax, ``source`` of a ``type: volume`` mount."""
    for item in node.items if isinstance(node, Sequence) else []:
        if isinstance(item, Scalar):
            name, colon, _ = item.text.partition(":")
            if colon and _is_volume_name(name):
                yield item, NameReference("volumes", name)
        elif isinstance(item, Mapping):
            kind = item.get("type")
            source = item.get("source")
            is_volume = not isinstance(kind, Scalar) or kind.text == "volume"
            if is_volume and isinstance(source, Scalar) and _is_volume_name(source.text):
                yield source, NameReference("volumes", source.text)


def _is_volume_name(text: str) -> bool:
    return bool(text) and not text.startswith(("/", ".", "~", "$")) and "/" not in text


def _names(node: Node | None) -> Iterator[Scalar]:
    """A list of names, or the keys of a mapping of names to options."""
    if isinstance(node, Sequence):
        yield from (item for item in node.items if isinstance(item, Scalar))
    elif isinstance(node, Mapping):
        yield from (key for key, _ in node.pairs)


def _sources(node: Node | None) -> Iterator[Scalar]:
    """Secrets and configs: a name, or the ``source`` of the long syntax."""
    for item in node.items if isinstance(node, Sequence) else []:
        if isinstance(item, Scalar):
            yield item
        elif isinstance(item, Mapping) and isinstance(item.get("source"), Scalar):
            source = item.get("source")
            assert isinstance(source, Scalar)
            yield source


def _scalars(node: Node | None) -> list[Scalar]:
    if isinstance(node, Scalar):
        return [node]
    if isinstance(node, Sequence):
        return [item for item in node.items if isinstance(item, Scalar)]
    return []
