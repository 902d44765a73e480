"""Read hadolint's settings as a Dockwright config, so a team can switch linters without rewriting them: a
`.hadolint.yaml`, or its `HADOLINT_*` environment variables in the same shape (see
:mod:`dockwright.cli.hadolint_env`).

Every key hadolint reads (src/Hadolint/Config/Configuration.hs) is honoured: `ignored`, `override`,
`trustedRegistries`, `label-schema`, `strict-labels`, `failure-threshold` and `disable-ignore-pragma` become our
config; `no-fail`, `no-color`, `verbose` and `format`/`formats` are the CLI's (our output has no colours, so
`no-color` changes nothing). hadolint's rule ids map to ours through each rule's recorded equivalents;
ShellCheck codes (SC2086) pass through, since our ShellCheck rule honours them. A key hadolint does not read,
or a format we do not write, is a note naming it; a value of the wrong type is a ConfigError.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from dockwright.config import LintConfig
from dockwright.errors import ConfigError
from dockwright.rules import load_all, registry
from dockwright.workspace.yaml_settings import load_yaml_mapping

_SEVERITY_KEYS = ("error", "warning", "info", "style")
# Every key hadolint reads from its config file.
HADOLINT_KEYS = frozenset(
    (
        "ignored",
        "override",
        "trustedRegistries",
        "label-schema",
        "strict-labels",
        "failure-threshold",
        "disable-ignore-pragma",
        "no-fail",
        "no-color",
        "verbose",
        "format",
        "formats",
    )
)
_THRESHOLDS = {
    "error": "error",
    "warning": "warning",
    "info": "info",
    "style": "style",
    "ignore": "none",
    "none": "none",
}
# hadolint's output formats, as ours: Code Climate's issues are what GitLab's Code Quality report holds, and
# GNU's `file:line:column: message` is our text. hadolint's codacy format has no equivalent.
HADOLINT_FORMATS = {
    "tty": "text",
    "gnu": "text",
    "json": "json",
    "checkstyle": "checkstyle",
    "codeclimate": "gitlab",
    "gitlab_codeclimate": "gitlab",
    "sarif": "sarif",
    "junit": "junit",
}


@dataclass(frozen=True)
class HadolintSettings:
    """hadolint's settings: ``config`` for :meth:`LintConfig.from_dict`, then what only the CLI uses (None:
    not set here, so that another source may set it)."""

    config: dict[str, Any] = field(default_factory=dict)
    no_fail: bool | None = None
    verbose: bool | None = None
    output_format: str | None = None
    notes: tuple[str, ...] = ()


def hadolint_settings(data: Mapping[str, Any], source: str = ".hadolint.yaml") -> HadolintSettings:
    """The settings of an already parsed `.hadolint.yaml` (or of the environment, in the same shape)."""
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source} must be a mapping of settings")
    notes = [f"{source}: {key} is not a hadolint setting; ignored" for key in sorted(map(str, data))
             if key not in HADOLINT_KEYS]  # fmt: skip
    try:
        config = _config_dict(data)
        output_format = _output_format(data, notes, source)
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}") from None
    return HadolintSettings(
        config,
        no_fail=_flag(data, "no-fail", source),
        verbose=_flag(data, "verbose", source),
        output_format=output_format,
        notes=tuple(notes),
    )


def hadolint_config_dict(text: str) -> dict[str, Any]:
    """The Dockwright config (as a dict for :meth:`LintConfig.from_dict`) equivalent to a .hadolint.yaml."""
    return hadolint_settings(load_yaml_mapping(text, ".hadolint.yaml")).config


def from_hadolint(data: Mapping[str, Any]) -> LintConfig:
    """A validated :class:`LintConfig` from an already parsed .hadolint.yaml (ConfigError on any problem)."""
    return _validated(lambda: hadolint_settings(data).config)


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
    if schema is not None and not isinstance(schema, Mapping):
        raise ConfigError("label-schema must map label names to types")
    if schema:
        config["label_schema"] = {str(k): v for k, v in schema.items()}
    if data.get("strict-labels") is not None:
        config["strict_labels"] = data["strict-labels"]
    if data.get("disable-ignore-pragma") is not None:
        config["disable_ignore_pragma"] = data["disable-ignore-pragma"]
    if data.get("failure-threshold") is not None:
        threshold = str(data["failure-threshold"]).strip().lower()
        if threshold not in _THRESHOLDS:
            raise ConfigError(
                f"unknown failure-threshold {data['failure-threshold']!r} (expected one of: {', '.join(_THRESHOLDS)})"
            )
        config["failure_threshold"] = _THRESHOLDS[threshold]
    return config


def _flag(data: Mapping[str, Any], key: str, source: str) -> bool | None:
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise ConfigError(f"{source}: {key} must be true or false")


def _output_format(data: Mapping[str, Any], notes: list[str], source: str) -> str | None:
    """The last format of `formats` and `format` that we write (hadolint writes each; we write one)."""
    names = _strings(data.get("formats", []), "formats")
    if data.get("format") is not None:
        names.append(str(data["format"]).strip())
    ours = None
    for name in names:
        if name.lower() in HADOLINT_FORMATS:
            ours = HADOLINT_FORMATS[name.lower()]
        else:
            notes.append(f"{source}: format {name!r} has no Dockwright equivalent; ignored")
    return ours


def _strings(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{key} must be a list of strings")
    return [v.strip() for v in value if v.strip()]


def _ids(value: Any, key: str) -> list[str]:
    """Our rule ids for hadolint's; ShellCheck codes and ids we have no rule for are kept as written."""
    out: list[str] = []
    names = _strings(value, key)
    if names:
        load_all()  # an id may be a compose rule's; a run over Dockerfiles with no ids never loads those
    for name in names:
        ours = registry.resolve_id(name)
        out.extend(ours or [name.upper()])
    return sorted(set(out))


def _overrides(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError("override must map severities to lists of rule ids")
    severity: dict[str, str] = {}
    for level, ids in value.items():
        if level not in _SEVERITY_KEYS:
            raise ConfigError(f"override.{level} is not a severity (expected one of: {', '.join(_SEVERITY_KEYS)})")
        for rule_id in _ids(ids, f"override.{level}"):
            severity[rule_id] = level
    return severity
