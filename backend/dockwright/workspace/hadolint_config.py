"""Read a `.hadolint.yaml` as a Dockwright config, so a team can switch linters without rewriting it.

hadolint's rule ids map to ours through each rule's recorded equivalents; ShellCheck codes (SC2086) pass
through, since our ShellCheck rule honours them. Output-only keys (format, colour, verbosity) are accepted
and have no effect on findings; unknown keys and keys we cannot honour are a ConfigError.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from dockwright.config import LintConfig
from dockwright.errors import ConfigError
from dockwright.rules import load_all, registry
from dockwright.workspace.yaml_settings import load_yaml_mapping

_SEVERITY_KEYS = ("error", "warning", "info", "style")
# hadolint keys that only change how results are printed.
_OUTPUT_KEYS = ("format", "output-format", "no-color", "verbose")
_KNOWN_KEYS = (
    "ignored",
    "override",
    "trustedRegistries",
    "label-schema",
    "strict-labels",
    "failure-threshold",
    "no-fail",
    *_OUTPUT_KEYS,
)
# Every key a .hadolint.yaml may hold (disable-ignore-pragma is recognised, then refused with a message).
HADOLINT_KEYS = frozenset((*_KNOWN_KEYS, "disable-ignore-pragma"))
_THRESHOLDS = {
    "error": "error",
    "warning": "warning",
    "info": "info",
    "style": "style",
    "ignore": "none",
    "none": "none",
}


def hadolint_config_dict(text: str) -> dict[str, Any]:
    """The Dockwright config (as a dict for :meth:`LintConfig.from_dict`) equivalent to a .hadolint.yaml."""
    return _config_dict(_load(text))


def from_hadolint(data: Mapping[str, Any]) -> LintConfig:
    """A validated :class:`LintConfig` from an already parsed .hadolint.yaml (ConfigError on any problem)."""
    if not isinstance(data, Mapping):
        raise ConfigError(".hadolint.yaml must be a mapping of settings")
    return _validated(lambda: _config_dict(data))


def load_hadolint_config(text: str) -> LintConfig:
    """A validated :class:`LintConfig` from the text of a .hadolint.yaml (ConfigError on any problem)."""
    return _validated(lambda: hadolint_config_dict(text))


def _validated(build: Callable[[], dict[str, Any]]) -> LintConfig:
    try:
        return LintConfig.from_dict(build())
    except ConfigError as exc:
        message = str(exc)
        raise ConfigError(message if message.startswith(".hadolint.yaml") else f".hadolint.yaml: {message}") from None


def _config_dict(data: Mapping[str, Any]) -> dict[str, Any]:
    unknown = sorted(str(k) for k in data if k not in _KNOWN_KEYS)
    if "disable-ignore-pragma" in unknown:
        raise ConfigError(".hadolint.yaml: disable-ignore-pragma is not supported by Dockwright")
    if unknown:
        raise ConfigError(f".hadolint.yaml: unknown key(s): {', '.join(unknown)}")
    load_all()
    config: dict[str, Any] = {}
    ignored = _ids(data.get("ignored", []), "ignored")
    if ignored:
        config["ignore"] = ignored
    severity = _overrides(data.get("override", {}))
    if severity:
        config["severity"] = severity
    registries = _strings(data.get("trustedRegistries", []), "trustedRegistries")
    if registries:
        config["trusted_registries"] = registries
    schema = data.get("label-schema", {})
    if not isinstance(schema, Mapping):
        raise ConfigError(".hadolint.yaml: label-schema must map label names to types")
    if schema:
        config["label_schema"] = {str(k): v for k, v in schema.items()}
    if "strict-labels" in data:
        config["strict_labels"] = data["strict-labels"]
    if "failure-threshold" in data:
        threshold = str(data["failure-threshold"]).strip().lower()
        if threshold not in _THRESHOLDS:
            raise ConfigError(
                f".hadolint.yaml: unknown failure-threshold {data['failure-threshold']!r} "
                f"(expected one of: {', '.join(_THRESHOLDS)})"
            )
        config["failure_threshold"] = _THRESHOLDS[threshold]
    if data.get("no-fail") is True:
        config["failure_threshold"] = "none"
    return config


def _load(text: str) -> Mapping[str, Any]:
    return load_yaml_mapping(text, ".hadolint.yaml")


def _strings(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f".hadolint.yaml: {key} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _ids(value: Any, key: str) -> list[str]:
    """Our rule ids for hadolint's; ShellCheck codes and ids we have no rule for are kept as written."""
    out: list[str] = []
    for name in _strings(value, key):
        ours = registry.resolve_id(name)
        out.extend(ours or [name.upper()])
    return sorted(set(out))


def _overrides(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError(".hadolint.yaml: override must map severities to lists of rule ids")
    severity: dict[str, str] = {}
    for level, ids in value.items():
        if level not in _SEVERITY_KEYS:
            raise ConfigError(
                f".hadolint.yaml: override.{level} is not a severity (expected one of: {', '.join(_SEVERITY_KEYS)})"
            )
        for rule_id in _ids(ids, f"override.{level}"):
            severity[rule_id] = level
    return severity
