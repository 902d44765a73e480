"""Per-analysis lint configuration, built from a dict (API, YAML file) or CLI options, validated strictly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from dockwright.errors import ConfigError
from dockwright.findings import Severity
from dockwright.i18n import Message, message_of
from dockwright.labels import LABEL_TYPES

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
    "disable_ignore_pragma": "ignore the linted files' inline ignore comments (`# dockwright ignore=`, "
    "`# hadolint ignore=`, `# dclint disable`) (true/false)",
    "rule_options": "mapping of rule id to that rule's options (`dockwright rules` lists them), e.g. "
    "{DC016: {quote: single}}",
}


# Configs come from anyone (the API, a YAML file in a repository): every list and string has a size, and no
# text may hold what a database or a terminal cannot (NUL, lone surrogates, other control characters).
MAX_LIST_ITEMS = 500
MAX_TEXT_CHARS = 256


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
    disable_ignore_pragma: bool = False
    # Rule id -> option name -> value, validated against the options the rule declares.
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> LintConfig:
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise ConfigError(Message("config must be an object"))
        unknown = sorted(set(data) - set(CONFIG_KEYS))
        if unknown:
            raise ConfigError(Message("unknown config key(s): {keys}", keys=", ".join(map(str, unknown))))
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
            disable_ignore_pragma=_bool(data.get("disable_ignore_pragma", False), "disable_ignore_pragma"),
            rule_options=_rule_options(data.get("rule_options", {})),
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
            "disable_ignore_pragma": self.disable_ignore_pragma,
            "rule_options": {
                rule_id: {name: list(v) if isinstance(v, tuple) else v for name, v in sorted(options.items())}
                for rule_id, options in sorted(self.rule_options.items())
            },
        }


def _text(value: Any, where: str) -> str:
    """``value`` as a clean string, or a ConfigError naming ``where``."""
    if not isinstance(value, str):
        raise ConfigError(Message("{where} must be a string", where=where))
    if len(value) > MAX_TEXT_CHARS:
        raise ConfigError(Message("{where} is longer than {limit} characters", where=where, limit=MAX_TEXT_CHARS))
    if any((ord(ch) < 0x20 and ch != "\t") or 0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise ConfigError(Message("{where} contains a control character or a lone surrogate", where=where))
    return value


def _items(value: Any, key: str) -> list[Any]:
    if not isinstance(value, (list, tuple, set, frozenset)):
        raise ConfigError(Message("{key} must be a list of strings", key=key))
    if len(value) > MAX_LIST_ITEMS:
        raise ConfigError(Message("{key} has more than {limit} items", key=key, limit=MAX_LIST_ITEMS))
    return list(value)


def _string_list(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    texts = [_text(item, f"{key}[{index}]") for index, item in enumerate(_items(value, key))]
    return [v.strip() for v in texts if v.strip()]


def _id_set(value: Any, key: str) -> frozenset[str]:
    return frozenset(v.upper() for v in _string_list(value, key))


def _severity(value: Any, key: str) -> Severity:
    text = _text(value, key)
    try:
        return Severity.parse(text)
    except ValueError as exc:
        raise ConfigError(Message("{key}: {error}", key=key, error=message_of(exc))) from None


def _mapping(value: Any, key: str, what: Message) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise ConfigError(Message("{key} must be an object mapping {what}", key=key, what=what))
    if len(value) > MAX_LIST_ITEMS:
        raise ConfigError(Message("{key} has more than {limit} entries", key=key, limit=MAX_LIST_ITEMS))
    return value


def _severity_map(value: Any) -> dict[str, Severity]:
    mapping = _mapping(value, "severity", Message("rule ids to severities"))
    return {_text(k, "severity keys").upper(): _severity(v, f"severity.{k}") for k, v in mapping.items()}


def _label_schema(value: Any) -> dict[str, str]:
    schema: dict[str, str] = {}
    for name, label_type in _mapping(value, "label_schema", Message("label names to types")).items():
        if not _text(name, "label_schema keys").strip():
            raise ConfigError(Message("label_schema: label names must be non-empty strings"))
        _text(label_type, f"label_schema.{name}")
        if not isinstance(label_type, str) or label_type.strip().lower() not in LABEL_TYPES:
            raise ConfigError(
                Message(
                    "label_schema.{name}: unknown label type {type!r} (expected one of: {types})",
                    name=name,
                    type=label_type,
                    types=", ".join(LABEL_TYPES),
                )
            )
        schema[name.strip()] = label_type.strip().lower()
    return schema


def _rule_options(value: Any) -> dict[str, dict[str, Any]]:
    """Each rule's options, keyed by our id (the rule may be named by its slug or a peer's name)."""
    if not _mapping(value, "rule_options", Message("rule ids to their options")):
        return {}  # without loading every rule (a Dockerfile-only run never imports the compose rules)
    from dockwright.rules import load_all, registry
    from dockwright.rules.options import parse_options

    load_all()
    out: dict[str, dict[str, Any]] = {}
    for name, options in _mapping(value, "rule_options", Message("rule ids to their options")).items():
        ids = registry.resolve_id(_text(name, "rule_options keys"))
        if len(ids) != 1:
            raise ConfigError(
                Message("rule_options: unknown rule {name!r}", name=name)
                if not ids
                else Message(
                    "rule_options: {name!r} names several rules ({ids}); name one", name=name, ids=", ".join(ids)
                )
            )
        rule = registry.get(ids[0])
        out.setdefault(ids[0], {}).update(parse_options(rule, options, f"rule_options.{name}"))
    return out


def _bool(value: Any, key: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(Message("{key} must be true or false", key=key))
    return value


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    text = _text(value, "today")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ConfigError(Message("today: {value!r} is not an ISO date (YYYY-MM-DD)", value=value)) from None
