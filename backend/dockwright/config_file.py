"""Read a lint configuration file: Dockwright's own `.dockwright.yaml` or a hadolint `.hadolint.yaml`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dockwright.config import CONFIG_KEYS, LintConfig
from dockwright.errors import ConfigError
from dockwright.hadolint_config import HADOLINT_KEYS, from_hadolint


def load_config_file(path: str) -> LintConfig:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    return parse_config_text(text, source=path)


def parse_config_text(text: str, source: str = "config") -> LintConfig:
    """Dockwright's own settings, or a hadolint config recognised by keys only hadolint has."""
    data = load_yaml_mapping(text, source)
    if set(data) & HADOLINT_KEYS and not set(data) & set(CONFIG_KEYS):
        return from_hadolint(data)
    return LintConfig.from_dict(data)


def load_yaml_mapping(text: str, source: str) -> Mapping[str, Any]:
    """A YAML document that must be a mapping of settings (an empty document is an empty mapping)."""
    from ruamel.yaml import YAML  # here: a run without a config file never pays for importing it
    from ruamel.yaml.error import YAMLError

    try:
        data: Any = YAML(typ="safe", pure=True).load(text)
    except YAMLError as exc:
        raise ConfigError(f"{source} is not valid YAML: {str(exc).splitlines()[0]}") from None
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source} must be a mapping of settings")
    return data
