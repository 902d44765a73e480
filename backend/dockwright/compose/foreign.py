"""YAML that is not a Compose file: a Kubernetes manifest, a CI pipeline, an OpenAPI document...

Linted as Compose, such a file drowns in schema errors that say nothing useful. Each format is known by
top-level keys no Compose file has; a file with Compose's own keys (``services``, ``include``) is never
taken for another format, whatever else it holds.
"""

from __future__ import annotations

from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence
from dockwright.i18n import Message

_COMPOSE_KEYS = frozenset({"services", "include"})


def foreign_format(root: Node | None) -> str | None:
    """What the document looks like when it is not Compose ("a Kubernetes Deployment"), else None."""
    if isinstance(root, Sequence):
        if any(isinstance(item, Mapping) and "hosts" in item for item in root.items):
            return Message("an Ansible playbook")
        return Message("a YAML list (a Compose file is a mapping of services, networks, volumes...)")
    if not isinstance(root, Mapping) or any(key in root for key in _COMPOSE_KEYS):
        return None
    kind = _text(root.get("kind"))
    if "apiVersion" in root and kind:
        return Message("a Kubernetes {kind}", kind=kind)
    if "apiVersion" in root and "name" in root and "version" in root:
        return Message("a Helm chart (Chart.yaml)")
    if "jobs" in root and "on" in root:
        return Message("a GitHub Actions workflow")
    jobs = [value for key, value in root.pairs if not key.raw.startswith("x-")]
    if "stages" in root or any(isinstance(value, Mapping) and "script" in value for value in jobs):
        return Message("a GitLab CI pipeline")
    if "openapi" in root or "swagger" in root:
        return Message("an OpenAPI document")
    if "AWSTemplateFormatVersion" in root or "Resources" in root:
        return Message("an AWS CloudFormation template")
    return None


def _text(node: Node | None) -> str:
    return node.text.strip() if isinstance(node, Scalar) else ""
