"""The Dockerfile a service builds from, when the analysis received it among its files (or it is written
inline with ``dockerfile_inline``), and what rules learn from it: whether the image has a healthcheck.

Files are asked for by path, never listed: the CLI's files are read from disk on demand."""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

from dockwright.compose.bundle import lookup
from dockwright.compose.model import Service
from dockwright.compose.nodes import Mapping, Node, Scalar
from dockwright.context import LintContext
from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.dockerfile.queries import lineage_instructions


@dataclass(frozen=True)
class BuiltDockerfile:
    path: str  # the file's path relative to the compose file, or "<service> (dockerfile_inline)"
    content: str
    node: Node  # where to report: `dockerfile_inline`, `dockerfile`, `context` or `build`
    context_dir: str  # the build context, relative to the compose file


def build_paths(service: Service) -> tuple[str, str, Node] | None:
    """(context directory, Dockerfile path, node to report on), both relative to the compose file."""
    build = service.get("build")
    node: Node
    if any(isinstance(n, Scalar) and n.unresolved for n in _build_scalars(build)):
        return None  # a path from a variable without a value: which Dockerfile is unknown
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
    context_dir = posixpath.join(service.folder, context_dir or ".")
    path = dockerfile if dockerfile.startswith("/") else posixpath.join(context_dir, dockerfile)
    return _normal(context_dir), _normal(path), node


def _build_scalars(build: Node | None) -> list[Node | None]:
    if isinstance(build, Mapping):
        return [build.get("context"), build.get("dockerfile")]
    return [build]


def service_dockerfile(service: Service, context: LintContext) -> tuple[str, str, Node] | None:
    """(path, content, node) of the service's Dockerfile if it is among the analysed files."""
    paths = build_paths(service)
    if paths is None:
        return None
    _, path, node = paths
    if path.startswith("/") or path == ".." or path.startswith("../"):
        return None  # outside the analysed folder: never read
    content = lookup(context.files, path)
    return (path, content, node) if content is not None else None


def built_dockerfile(service: Service, context: LintContext) -> BuiltDockerfile | None:
    """The Dockerfile the service builds: its ``dockerfile_inline`` text (which Compose prefers), else the
    analysed file that ``build`` names; None when it builds nothing or the file was not analysed."""
    build = service.get("build")
    if isinstance(build, Mapping):
        inline = build.get("dockerfile_inline")
        if isinstance(inline, Scalar) and inline.text.strip():
            return BuiltDockerfile(f"{service.name} (dockerfile_inline)", inline.text, inline, ".")
    found = service_dockerfile(service, context)
    paths = build_paths(service)
    if found is None or paths is None:
        return None
    path, content, node = found
    return BuiltDockerfile(path, content, node, paths[0])


def has_healthcheck(service: Service, context: LintContext) -> bool:
    """Whether Compose runs the service with a healthcheck: the compose ``healthcheck`` decides when it
    sets a test or turns it off (``disable: true``, ``test: [NONE]``); otherwise the HEALTHCHECK of the
    Dockerfile the service builds (analysed or inline) is in force, unless it is ``HEALTHCHECK NONE``."""
    setting = service.healthcheck_setting()
    if setting is not None:
        return setting
    dockerfile = built_dockerfile(service, context)
    if dockerfile is None:
        return False
    build = service.get("build")
    target = build.get("target") if isinstance(build, Mapping) else None
    return _image_has_healthcheck(dockerfile.content, target.text.strip() if isinstance(target, Scalar) else "")


@functools.lru_cache(maxsize=32)
def _image_has_healthcheck(content: str, target: str) -> bool:
    """Whether the stage built (``target``, else the last) ends with a HEALTHCHECK other than NONE; the
    last HEALTHCHECK of the stage and of the stages it builds on (``FROM <stage>``) is the one in force."""
    dockerfile = parse_dockerfile(content)
    stage = dockerfile.stage_named(target) if target else dockerfile.final_stage
    if stage is None:
        return False
    checks = [i for i in lineage_instructions(stage) if i.keyword == "HEALTHCHECK"]
    words = checks[-1].arguments.split(None, 1) if checks else []
    return bool(words) and words[0].upper() != "NONE"


def _normal(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/")).removeprefix("./")
