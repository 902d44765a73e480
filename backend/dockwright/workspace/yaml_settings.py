"""A config file's YAML, read as a mapping of settings (every tool's config file is one)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dockwright.errors import ConfigError


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
