"""Tell a Dockerfile from a Compose file by name first, then by content."""

from __future__ import annotations

import re
from pathlib import PurePath

KINDS = ("dockerfile", "compose")

_COMPOSE_NAMES = re.compile(r"^(docker-)?compose([.\-_][\w.\-]*)?\.ya?ml$", re.IGNORECASE)
_DOCKERFILE_NAMES = re.compile(
    r"^(dockerfile|containerfile)([.\-_][\w.\-]*)?$|\.(dockerfile|containerfile)$", re.IGNORECASE
)
_INSTRUCTION = re.compile(
    # Horizontal space only before the keyword: `\s*` would also cross line breaks, and from every line start
    # of a run of blank lines scan the whole run again.
    r"^[ \t]*(FROM|RUN|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|ONBUILD|STOPSIGNAL"
    r"|HEALTHCHECK|SHELL|MAINTAINER)\b",
    re.IGNORECASE | re.MULTILINE,
)
_COMPOSE_KEYS = re.compile(
    r"^(services|version|volumes|networks|secrets|configs|name|include|x-[\w-]+)\s*:", re.MULTILINE
)
# Top-level keys of other YAML formats (Kubernetes, CI pipelines, OpenAPI): such a file goes to the compose
# reader, which says what it is instead of reading it as a Dockerfile with a hundred findings.
_OTHER_YAML_KEYS = re.compile(r"^(apiVersion|kind|jobs|on|stages|openapi|swagger)[ \t]*:", re.MULTILINE)


def kind_from_filename(filename: str | None) -> str | None:
    if not filename:
        return None
    name = PurePath(filename.replace("\\", "/")).name
    if _COMPOSE_NAMES.match(name):
        return "compose"
    if _DOCKERFILE_NAMES.search(name):
        return "dockerfile"
    if name.lower().endswith((".yml", ".yaml")):
        return "compose"
    return None


def detect_kind(content: str, filename: str | None = None) -> str:
    """The kind of a file; Dockerfile when nothing points to YAML (Compose, or YAML the compose reader
    will refuse as another format)."""
    by_name = kind_from_filename(filename)
    if by_name:
        return by_name
    first_instruction = _INSTRUCTION.search(content)
    for keys in (_COMPOSE_KEYS, _OTHER_YAML_KEYS):
        first_key = keys.search(content)
        if first_key and (first_instruction is None or first_key.start() < first_instruction.start()):
            return "compose"
    return "dockerfile"
