"""The Dockerfile a service builds from, when the analysis received it among its files."""

from __future__ import annotations

import posixpath

from dockwright.compose.model import Service
from dockwright.compose.nodes import Mapping, Node, Scalar
from dockwright.context import LintContext


def build_paths(service: Service) -> tuple[str, str, Node] | None:
    """(context directory, Dockerfile path, node to report on), both relative to the compose file."""
    build = service.get("build")
    node: Node
    if isinstance(build, Scalar):
        context_dir, dockerfile, node = build.text, "Dockerfile", build
    elif isinstance(build, Mapping):
        context_node = build.get("context")
        dockerfile_node = build.get("dockerfile")
        context_dir = context_node.text if isinstance(context_node, Scalar) else "."
        dockerfile = dockerfile_node.text if isinstance(dockerfile_node, Scalar) else "Dockerfile"
        node = dockerfile_node or context_node or build
    else:
        return None
    if "://" in context_dir or context_dir.startswith("git@"):
        return None  # a remote context: nothing local to read
    path = dockerfile if dockerfile.startswith("/") else posixpath.join(context_dir or ".", dockerfile)
    return _normal(context_dir or "."), _normal(path), node


def service_dockerfile(service: Service, context: LintContext) -> tuple[str, str, Node] | None:
    """(path, content, node) of the service's Dockerfile if it is among the analysed files."""
    paths = build_paths(service)
    if paths is None:
        return None
    _, path, node = paths
    for name, content in context.files.items():
        if _normal(name) == path:
            return path, content, node
    return None


def _normal(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/")).removeprefix("./")
