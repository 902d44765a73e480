"""The OpenAPI description of an analysis's `config`: the engine's config keys (their descriptions are the
engine's own, written once in dockwright.config) and an example the engine accepts (a test lints with it)."""

from __future__ import annotations

from typing import Any

from dockwright.config import CONFIG_KEYS
from dockwright.findings import Severity
from dockwright.labels import LABEL_TYPES

SEVERITY_OR_NONE = [s.value for s in Severity]

CONFIG_EXAMPLE: dict[str, Any] = {
    "ignore": ["DL3008", "SC2086"],
    "enable": ["DF090"],
    "severity": {"DF007": "error", "DF011": "info"},
    "failure_threshold": "warning",
    "trusted_registries": ["registry.example.com", "*.gcr.io"],
    "shellcheck": True,
    "label_schema": {"org.opencontainers.image.source": "url", "org.opencontainers.image.version": "semver"},
    "strict_labels": False,
    "rule_options": {"DC016": {"quote": "double"}},
}

_STRINGS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}

_PROPERTIES: dict[str, dict[str, Any]] = {
    "ignore": _STRINGS,
    "enable": _STRINGS,
    "severity": {"type": "object", "additionalProperties": {"type": "string", "enum": SEVERITY_OR_NONE}},
    "failure_threshold": {"type": "string", "enum": SEVERITY_OR_NONE},
    "trusted_registries": _STRINGS,
    "shellcheck": {"type": "boolean"},
    "today": {"type": "string", "format": "date"},
    "label_schema": {"type": "object", "additionalProperties": {"type": "string", "enum": list(LABEL_TYPES)}},
    "strict_labels": {"type": "boolean"},
    "disable_ignore_pragma": {"type": "boolean"},
    "rule_options": {
        "type": "object",
        "additionalProperties": {"type": "object", "additionalProperties": True},
        "example": {"DC016": {"quote": "double"}, "service-keys-order": {"order": ["image", "ports"]}},
    },
}
assert set(_PROPERTIES) == set(CONFIG_KEYS), "the config schema must list the engine's config keys"

CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "nullable": True,
    "description": "This analysis's lint configuration, as in a .dockwright.yaml file; every key is optional. "
    "The site's rule policy applies on top: a rule the site switched off stays off. Rule ids may be ours "
    "(DF007), a slug (latest-tag) or a peer's (hadolint's DL3007, ShellCheck's SC2086).",
    "properties": {
        key: {**schema, "description": CONFIG_KEYS[key][:1].upper() + CONFIG_KEYS[key][1:] + "."}
        for key, schema in _PROPERTIES.items()
    },
    "additionalProperties": False,
    "example": CONFIG_EXAMPLE,
}
