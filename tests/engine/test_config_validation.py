"""A config comes from anyone: every string and list is checked, and the error names the field."""

import pytest

from dockwright.config import MAX_LIST_ITEMS, LintConfig
from dockwright.errors import ConfigError


@pytest.mark.parametrize(
    ("config", "field"),
    [
        ({"ignore": ["DF001", "bad\x00"]}, "ignore[1]"),
        ({"ignore": ["\ud800"]}, "ignore[0]"),
        ({"enable": ["\x1b[31m"]}, "enable[0]"),
        ({"trusted_registries": ["docker.io", "\ud800"]}, "trusted_registries[1]"),
        ({"trusted_registries": [{"a": 1}]}, "trusted_registries[0]"),
        ({"trusted_registries": ["r"] * (MAX_LIST_ITEMS + 1)}, "trusted_registries"),
        ({"label_schema": {"bad\x00key": "text"}}, "label_schema keys"),
        ({"label_schema": {"\udfff": "text"}}, "label_schema keys"),
        ({"label_schema": {f"l{i}": "text" for i in range(MAX_LIST_ITEMS + 1)}}, "label_schema"),
        ({"severity": {"DF001": "warn\x00ing"}}, "severity.DF001"),
        ({"severity": {"\ud800": "error"}}, "severity keys"),
        ({"ignore": ["x" * 300]}, "ignore[0]"),
        ({"today": "2026\x00-01-01"}, "today"),
        ({"ignore": {"DF001": True}}, "ignore"),
        ({"rule_options": ["DC016"]}, "rule_options"),
        ({"rule_options": {"DC016": {"quote": "back"}}}, "rule_options.DC016.quote"),
        ({"rule_options": {"DC016": {"quotes": "single"}}}, "rule_options.DC016"),
        ({"rule_options": {"DC016": "single"}}, "rule_options.DC016"),
        ({"rule_options": {"DC999": {}}}, "rule_options"),
        ({"rule_options": {"DC019": {"moving_tags": ["ok", "bad\x00"]}}}, "rule_options.DC019.moving_tags[1]"),
        ({"rule_options": {"DC019": {"moving_tags": ["t"] * 101}}}, "rule_options.DC019.moving_tags"),
        ({"rule_options": {"DC012": {"pull_policy_settles": "no"}}}, "rule_options.DC012.pull_policy_settles"),
        ({"rule_options": {"DC020": {"order": ["image", "image"]}}}, "rule_options.DC020.order[1]"),
    ],
)
def test_a_config_with_hostile_text_is_refused_naming_the_field(config: dict[str, object], field: str) -> None:
    with pytest.raises(ConfigError) as error:
        LintConfig.from_dict(config)
    assert str(error.value).startswith(field)


def test_an_ordinary_config_with_tabs_and_unicode_is_accepted() -> None:
    config = LintConfig.from_dict(
        {"ignore": ["DF001", "sc2086"], "label_schema": {"org.opencontainers.image.title": "text", "étiquette": "text"}}
    )
    assert config.ignore == {"DF001", "SC2086"}
    assert "étiquette" in config.label_schema
