"""Read a lint configuration file: Dockwright's own `.dockwright.yaml` or a hadolint `.hadolint.yaml`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from dockwright.config import CONFIG_KEYS, LintConfig
from dockwright.errors import ConfigError

# Keys only hadolint's config has; their presence means the file is a .hadolint.yaml.
_HADOLINT_KEYS = frozenset(
    {
        "ignored",
        "override",
        "trustedRegistries",
        "label-schema",
        "strict-labels",
        "failure-threshold",
        "no-fail",
        "no-color",
        "format",
        "disable-ignore-pragma",
    }
)


def load_config_file(path: str) -> LintConfig:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    return parse_config_text(text, source=path)


def parse_config_text(text: str, source: str = "config") -> LintConfig:
    try:
        data: Any = YAML(typ="safe", pure=True).load(text) or {}
    except YAMLError as exc:
        raise ConfigError(f"{source} is not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{source} must be a mapping of settings")
    if set(data) & _HADOLINT_KEYS and not set(data) & set(CONFIG_KEYS):
        from dockwright.hadolint_config import from_hadolint

        return from_hadolint(data)
    return LintConfig.from_dict(data)
