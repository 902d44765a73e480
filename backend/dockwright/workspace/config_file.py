"""Read a lint configuration file: Dockwright's own `.dockwright.yaml`, a hadolint `.hadolint.yaml` or a dclint
`.dclintrc`.

Rule names in any of them may be ours (ids, slugs), a peer's (hadolint's DL3007, dclint's
`no-duplicate-container-names`) or a profile's (`style`): each stands for the rules of ours it names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dockwright.config import CONFIG_KEYS, LintConfig
from dockwright.errors import ConfigError
from dockwright.rules import load_all, registry
from dockwright.rules.base import PROFILES
from dockwright.workspace.dclint_config import DCLINT_KEYS, DCLINT_NAMES, is_dclint_name, parse_dclint_text
from dockwright.workspace.hadolint_config import HADOLINT_KEYS, HadolintSettings, from_hadolint, hadolint_settings
from dockwright.workspace.yaml_settings import load_yaml_mapping

OWN_NAMES = (".dockwright.yaml", ".dockwright.yml")
HADOLINT_NAMES = (".hadolint.yaml", ".hadolint.yml")
# Settings that name rules: lists of names, and mappings keyed by them.
_RULE_LISTS = ("ignore", "enable")
_RULE_MAPPINGS = ("severity", "rule_options")


@dataclass(frozen=True)
class Settings:
    """A config with what only the CLI uses: paths a folder search skips, hadolint's output settings (`no-fail`,
    `verbose`, `format`) and notes to print (settings we do not apply)."""

    config: LintConfig
    exclude: tuple[str, ...] = ()
    no_fail: bool = False
    verbose: bool = False
    output_format: str | None = None
    notes: tuple[str, ...] = ()


def find_config_files(folder: Path) -> list[str]:
    """The config files a run in ``folder`` reads when none is named: `.dockwright.yaml` alone when there is
    one; else a `.hadolint.yaml` and a `.dclintrc` together (one speaks of Dockerfiles, the other of
    Compose files), as a project using both tools has them."""
    own = next((folder / name for name in OWN_NAMES if (folder / name).is_file()), None)
    if own is not None:
        return [str(own)]
    found = [next((folder / name for name in names if (folder / name).is_file()), None)
             for names in (HADOLINT_NAMES, DCLINT_NAMES)]  # fmt: skip
    return [str(path) for path in found if path is not None]


def load_settings(paths: list[str], environment: HadolintSettings | None = None) -> Settings:
    """The settings of ``paths`` together (ConfigError on any problem); no path: the defaults. ``environment``
    (hadolint's environment variables) comes first: a file adds to its lists and overrides its other settings,
    as hadolint combines them (app/Main.hs: environment, then config file, then command line)."""
    config: dict[str, Any] = {}
    exclude: list[str] = []
    parts: list[tuple[HadolintSettings, tuple[str, ...]]] = [(environment, ())] if environment is not None else []
    for path in paths:
        data, more_exclude, hadolint = _config_dict(_read(path), path)
        parts.append((hadolint or HadolintSettings(data), more_exclude))
    no_fail = verbose = False
    output_format = None
    notes: list[str] = []
    for part, more_exclude in parts:
        config = combined_configs(config, part.config)
        exclude.extend(more_exclude)
        no_fail = part.no_fail if part.no_fail is not None else no_fail
        verbose = part.verbose if part.verbose is not None else verbose
        output_format = part.output_format or output_format
        notes.extend(part.notes)
    return Settings(LintConfig.from_dict(config), tuple(exclude), no_fail, verbose, output_format, tuple(notes))


def load_config_file(path: str) -> LintConfig:
    return load_settings([path]).config


def parse_config_text(text: str, source: str = "config") -> LintConfig:
    """Dockwright's own settings, or a hadolint or dclint config recognised by its name or its keys."""
    return LintConfig.from_dict(_config_dict(text, source)[0])


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None


def _config_dict(text: str, source: str) -> tuple[dict[str, Any], tuple[str, ...], HadolintSettings | None]:
    """(config dict, exclude, hadolint's settings for a hadolint file) of one file's text, whichever tool's it
    is: a hadolint file by its name (`.hadolint.yaml`, `hadolint.yml`...) or its keys."""
    if is_dclint_name(source):
        dclint = parse_dclint_text(text, source)
        return dclint.config, dclint.exclude, None
    data = load_yaml_mapping(text, source)
    keys = set(data)
    if _is_hadolint_name(source) or (keys & HADOLINT_KEYS and not keys & set(CONFIG_KEYS)):
        hadolint = hadolint_settings(data, Path(source).name)
        from_hadolint(data)  # validates the values, with hadolint's names in the messages
        return hadolint.config, (), hadolint
    if keys and keys <= DCLINT_KEYS and not keys & set(CONFIG_KEYS):
        dclint = parse_dclint_text(text, source)
        return dclint.config, dclint.exclude, None
    return expand_rule_names(data), (), None


def _is_hadolint_name(path: str) -> bool:
    name = Path(path).name.lower()
    return name.lstrip(".").removesuffix(".yaml").removesuffix(".yml") == "hadolint"


def expand_rule_names(data: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` (a Dockwright config dict) with every rule name in `ignore`, `enable`, `severity` and
    `rule_options` turned into our ids: peer ids and slugs, profiles (`style`) too. Names nobody knows are kept
    as written, for the config's own validation to judge. The API calls this before :meth:`LintConfig.from_dict`."""
    load_all()
    out = dict(data)
    for key in _RULE_LISTS:
        value = data.get(key)
        if isinstance(value, list | tuple):
            out[key] = [rule_id for name in value for rule_id in _resolve(name, registry)]
    for key in _RULE_MAPPINGS:
        value = data.get(key)
        if isinstance(value, Mapping):
            out[key] = {rule_id: item for name, item in value.items() for rule_id in _resolve(name, registry)}
    return out


def _resolve(name: Any, registry: Any) -> list[Any]:
    if not isinstance(name, str):
        return [name]
    if name.strip().lower() in PROFILES:
        return [rule.id for rule in registry if rule.profile == name.strip().lower()]
    return registry.resolve_id(name) or [name]


def combined_configs(first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """Two config dicts as one: rule lists and severities together, other settings from either."""
    combined = {**first, **second}
    for key in _RULE_LISTS:
        if key in first and key in second:
            combined[key] = sorted({*first[key], *second[key]})
    for key in _RULE_MAPPINGS:
        if key in first and key in second:
            combined[key] = {**first[key], **second[key]}
    return combined
