"""A `.dclintrc` read as a Dockwright config: levels, quiet, exclude, rule options."""

from __future__ import annotations

import pytest

from dockwright.config import LintConfig
from dockwright.errors import ConfigError
from dockwright.findings import Severity
from dockwright.workspace.config_file import expand_rule_names, parse_config_text
from dockwright.workspace.dclint_config import parse_dclint_text

# dclint's own test fixture (tests/mocks/.dclintrc), in substance.
MOCK = """{
  "rules": {
    "no-version-field": 0,
    "require-project-name-field": 0,
    "require-quotes-in-ports": [1, {"quoteType": "single"}],
    "service-image-require-explicit-tag": [2, {"prohibitedTags": ["unstable", "latest"]}]
  }
}"""


def test_levels_map_to_ignore_and_severities() -> None:
    settings = parse_dclint_text(MOCK)
    config = LintConfig.from_dict(settings.config)
    assert {"DC011", "DC015"} <= config.ignore
    assert config.severity["DC016"] is Severity.WARNING
    assert config.severity["DC019"] is Severity.ERROR


def test_dclints_rules_that_are_off_by_default_here_are_switched_on() -> None:
    config = LintConfig.from_dict(parse_dclint_text("{}").config)
    assert {"DC013", "DC015", "DC016", "DC018", "DC020", "DC021", "DC022", "DC023"} <= config.enable
    assert "DC015" not in LintConfig.from_dict(parse_dclint_text(MOCK).config).enable


def test_options_become_our_rules_options() -> None:
    config = LintConfig.from_dict(parse_dclint_text(MOCK).config)
    assert config.rule_options == {"DC016": {"quote": "single"}, "DC019": {"moving_tags": ("unstable", "latest")}}


def test_dclints_key_groups_become_one_key_order() -> None:
    text = (
        '{"rules": {"service-keys-order": [1, {"groups": {"Core Definitions": ["container_name", "image"]}, '
        '"groupOrder": ["Networking", "Core Definitions"]}], '
        '"top-level-properties-order": [1, {"customOrder": ["services", "x-properties"]}]}}'
    )
    config = LintConfig.from_dict(parse_dclint_text(text).config)
    assert config.rule_options["DC020"]["order"] == (
        "ports", "networks", "network_mode", "extra_hosts", "container_name", "image"
    )  # fmt: skip
    assert config.rule_options["DC023"]["order"] == ("services", "x-*")


def test_yaml_and_exclude_and_quiet() -> None:
    settings = parse_dclint_text(
        "rules:\n  no-build-and-image: 2\nexclude: [vendor, tmp/]\nquiet: true\n", ".dclintrc.yaml"
    )
    config = LintConfig.from_dict(settings.config)
    assert settings.exclude == ("vendor", "tmp/")
    assert config.severity["DC012"] is Severity.ERROR
    assert config.severity["DC014"] is Severity.NONE  # info: quiet reports errors only
    assert "DC006" not in config.severity  # an error already


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"rules": {"no-such-rule": 1}}', "unknown rule name 'no-such-rule'"),
        ('{"rules": {"no-version-field": 3}}', "the level must be 0 (off), 1 (warning) or 2 (error)"),
        ('{"rules": {"no-version-field": [1]}}', "must be a level or [level, options]"),
        ('{"colour": true}', "unknown key(s): colour"),
        ('{"exclude": "vendor"}', "exclude must be a list of strings"),
        ('{"quiet": "yes"}', "quiet must be true or false"),
        ('{"rules": {"no-build-and-image": [1, {"pullPolicy": true}]}}', "no option 'pullPolicy'"),
        ('{"rules": {"require-quotes-in-ports": [1, {"quoteType": "back"}]}}', "quote must be one of: any, single"),
        ('{"rules": {"service-keys-order": [1, {"groupOrder": ["Security"]}]}}', "unknown group 'Security'"),
        ('{"rules": {"top-level-properties-order": [1, {"customOrder": ["servces"]}]}}', "'servces' is not a top"),
    ],
)
def test_mistakes_are_config_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")):
        LintConfig.from_dict(parse_dclint_text(text).config)


def test_a_dclint_config_is_recognised_by_its_keys() -> None:
    config = parse_config_text("rules:\n  no-version-field: 0\n", source="lint.yaml")
    assert "DC011" in config.ignore


def test_our_config_accepts_peer_names() -> None:
    data = expand_rule_names(
        {"ignore": ["no-version-field", "DL3007"], "severity": {"service-keys-order": "warning"}, "enable": ["DC020"]}
    )
    config = LintConfig.from_dict(data)
    assert {"DC011", "DF003"} <= config.ignore
    assert config.severity["DC020"] is Severity.WARNING


def test_rule_options_take_any_name_of_the_rule() -> None:
    data = expand_rule_names({"rule_options": {"require-quotes-in-ports": {"quote": "double"}}})
    assert LintConfig.from_dict(data).rule_options == {"DC016": {"quote": "double"}}
    assert LintConfig.from_dict({"rule_options": {"unquoted-port": {"quote": "double"}}}).rule_options == {
        "DC016": {"quote": "double"}
    }
