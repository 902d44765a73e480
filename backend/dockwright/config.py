"""Per-analysis lint configuration, built from a dict (API, YAML file) or CLI options, validated strictly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from dockwright.errors import ConfigError
from dockwright.findings import Severity

CONFIG_KEYS = {
    "ignore": "rule ids (ours or a peer's) never to report",
    "severity": "mapping of rule id to a severity, or 'none' to switch the rule off",
    "enable": "rule ids that are off by default to switch on",
    "failure_threshold": "lowest severity that makes the analysis fail (error, warning, info, style, none)",
    "trusted_registries": "registries base images may come from; when set, others are reported",
    "shellcheck": "run ShellCheck on RUN scripts (true/false)",
    "today": "ISO date used for end-of-life checks (defaults to today)",
    "label_schema": "mapping of label name to the type its value must have (text, url, semver, hash, rfc3339, "
    "spdx, email); each label is required in the final stage",
    "strict_labels": "report labels that are not in label_schema (true/false)",
}


@dataclass(frozen=True)
class LintConfig:
    ignore: frozenset[str] = frozenset()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    enable: frozenset[str] = frozenset()
    failure_threshold: Severity = Severity.INFO
    trusted_registries: tuple[str, ...] = ()
    shellcheck: bool = True
    today: dt.date | None = None
    label_schema: Mapping[str, str] = field(default_factory=dict)
    strict_labels: bool = False

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> LintConfig:
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ConfigError("config must be an object")
        unknown = sorted(set(data) - set(CONFIG_KEYS))
        if unknown:
            raise ConfigError(f"unknown config key(s): {', '.join(map(str, unknown))}")
        return cls(
            ignore=_id_set(data.get("ignore", ()), "ignore"),
            severity=_severity_map(data.get("severity", {})),
            enable=_id_set(data.get("enable", ()), "enable"),
            failure_threshold=_severity(data.get("failure_threshold", "info"), "failure_threshold"),
            trusted_registries=tuple(_string_list(data.get("trusted_registries", ()), "trusted_registries")),
            shellcheck=_bool(data.get("shellcheck", True), "shellcheck"),
            today=_date(data.get("today")),
            label_schema=_label_schema(data.get("label_schema", {})),
            strict_labels=_bool(data.get("strict_labels", False), "strict_labels"),
        )

    def merged(self, **changes: Any) -> LintConfig:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """A canonical, JSON-friendly form (sorted), used to key cached results."""
        return {
            "ignore": sorted(self.ignore),
            "severity": {k: v.value for k, v in sorted(self.severity.items())},
            "enable": sorted(self.enable),
            "failure_threshold": self.failure_threshold.value,
            "trusted_registries": list(self.trusted_registries),
            "shellcheck": self.shellcheck,
            "today": self.today.isoformat() if self.today else None,
            "label_schema": dict(sorted(self.label_schema.items())),
            "strict_labels": self.strict_labels,
        }


def _string_list(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple, set, frozenset)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _id_set(value: Any, key: str) -> frozenset[str]:
    return frozenset(v.upper() for v in _string_list(value, key))


def _severity(value: Any, key: str) -> Severity:
    if not isinstance(value, str):
        raise ConfigError(f"{key} must be a string")
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise ConfigError(f"{key}: {exc}") from None


def _severity_map(value: Any) -> dict[str, Severity]:
    if not isinstance(value, Mapping):
        raise ConfigError("severity must be an object mapping rule ids to severities")
    return {str(k).upper(): _severity(v, f"severity.{k}") for k, v in value.items()}


def _label_schema(value: Any) -> dict[str, str]:
    from dockwright.labels import LABEL_TYPES

    if not isinstance(value, Mapping):
        raise ConfigError("label_schema must be an object mapping label names to types")
    schema: dict[str, str] = {}
    for name, label_type in value.items():
        if not isinstance(name, str) or not name.strip():
            raise ConfigError("label_schema: label names must be non-empty strings")
        if not isinstance(label_type, str) or label_type.strip().lower() not in LABEL_TYPES:
            raise ConfigError(
                f"label_schema.{name}: unknown label type {label_type!r} (expected one of: {', '.join(LABEL_TYPES)})"
            )
        schema[name.strip()] = label_type.strip().lower()
    return schema


def _bool(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{key} must be true or false")
    return value


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ConfigError("today must be an ISO date string")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"today: {value!r} is not an ISO date (YYYY-MM-DD)") from None
