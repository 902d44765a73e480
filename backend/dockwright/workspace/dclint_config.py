"""Read a dclint `.dclintrc` (JSON or YAML) as a Dockwright config, so a team can switch without rewriting it.

dclint's keys (its `schemas/linter-config.schema.json`): ``rules`` maps a rule name to a level (0 off, 1
warning, 2 error) or to ``[level, {options}]``; ``quiet`` reports errors only; ``exclude`` lists path parts
a folder search skips; ``debug`` and ``$schema`` change nothing here. Rule names map to ours through each
rule's recorded dclint equivalent (our ids and slugs are accepted too).

dclint runs every one of its rules unless told otherwise, so a `.dclintrc` switches on our rules that have a
dclint equivalent and are off by default (the style ones, the project name), except those set to 0. Rule
options become our rule's options (`rule_options`, see dockwright.rules.options): `quoteType` is DC016's
`quote`, `customOrder` DC023's `order`, and so on. An unknown key, rule name or option is a ConfigError, as it
is for dclint.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dockwright.errors import ConfigError
from dockwright.findings import Severity
from dockwright.rules import load_all, registry
from dockwright.rules.options import dclint_options
from dockwright.workspace.yaml_settings import load_yaml_mapping

# cosmiconfig's names for the rc file, in dclint's order of search (the JavaScript ones cannot be read here).
DCLINT_NAMES = (".dclintrc", ".dclintrc.json", ".dclintrc.yaml", ".dclintrc.yml")
DCLINT_KEYS = frozenset({"rules", "quiet", "exclude", "debug", "$schema"})
_LEVELS = {0: None, 1: Severity.WARNING, 2: Severity.ERROR}


@dataclass(frozen=True)
class DclintSettings:
    config: dict[str, Any]  # for LintConfig.from_dict
    exclude: tuple[str, ...] = ()


def is_dclint_name(path: str) -> bool:
    return path.replace("\\", "/").rsplit("/", 1)[-1] in DCLINT_NAMES


def parse_dclint_text(text: str, source: str = ".dclintrc") -> DclintSettings:
    """The settings of a `.dclintrc`'s text: JSON (cosmiconfig's default for the bare name) or YAML."""
    try:
        data: Any = json.loads(text) if text.strip() else {}
    except ValueError:
        data = load_yaml_mapping(text, source)
    if not isinstance(data, Mapping):
        raise ConfigError(f"{source} must be an object of settings")
    return dclint_settings(data, source)


def dclint_settings(data: Mapping[str, Any], source: str = ".dclintrc") -> DclintSettings:
    unknown = sorted(str(key) for key in data if key not in DCLINT_KEYS)
    if unknown:
        raise ConfigError(f"{source}: unknown key(s): {', '.join(unknown)}")
    load_all()
    rules = data.get("rules", {}) or {}
    if not isinstance(rules, Mapping):
        raise ConfigError(f"{source}: rules must map rule names to 0, 1, 2 or [level, options]")
    ignore: set[str] = set()
    severity: dict[str, str] = {}
    rule_options: dict[str, dict[str, Any]] = {}
    for name, setting in rules.items():
        ids = _ids(str(name), source)
        where = f"{source}: rules.{name}"
        level, options = _level(setting, where)
        if level is None:
            ignore.update(ids)
        else:
            severity.update(dict.fromkeys(ids, level.value))
        if options:
            for rule_id in ids:
                rule_options[rule_id] = dclint_options(registry.get(rule_id), options, f"{where} options")
    enable = sorted(
        rule.id
        for rule in registry.for_target("compose")
        if "dclint" in rule.equivalents and not rule.enabled_by_default and rule.id not in ignore
    )
    if _flag(data, "quiet", source):
        # dclint's quiet mode prints errors only: every compose rule below error is switched off.
        for rule in registry.for_target("compose"):
            current = Severity(severity.get(rule.id, rule.severity.value))
            if current.rank < Severity.ERROR.rank:
                severity[rule.id] = Severity.NONE.value
    config: dict[str, Any] = {}
    if ignore:
        config["ignore"] = sorted(ignore)
    if severity:
        config["severity"] = dict(sorted(severity.items()))
    if enable:
        config["enable"] = enable
    if rule_options:
        config["rule_options"] = rule_options
    return DclintSettings(config, _exclude(data.get("exclude", []), source))


def _ids(name: str, source: str) -> list[str]:
    ids = registry.resolve_id(name)
    if not ids:
        raise ConfigError(f"{source}: unknown rule name {name!r}")
    return ids


def _level(setting: Any, where: str) -> tuple[Severity | None, Mapping[str, Any]]:
    options: Any = {}
    if isinstance(setting, list):
        if len(setting) != 2:
            raise ConfigError(f"{where} must be a level or [level, options]")
        setting, options = setting
        if not isinstance(options, Mapping):
            raise ConfigError(f"{where}: the options must be an object")
    if isinstance(setting, bool) or setting not in _LEVELS:
        raise ConfigError(f"{where}: the level must be 0 (off), 1 (warning) or 2 (error)")
    return _LEVELS[setting], options


def _flag(data: Mapping[str, Any], key: str, source: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(f"{source}: {key} must be true or false")
    return value


def _exclude(value: Any, source: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{source}: exclude must be a list of strings")
    if len(value) > 500:
        raise ConfigError(f"{source}: exclude has more than 500 items")
    return tuple(item for item in value if item.strip())
