import re

import pytest

from dockwright.errors import ConfigError
from dockwright.findings import Severity
from dockwright.lint import lint
from dockwright.workspace.hadolint_config import hadolint_config_dict, load_hadolint_config

FULL = """
failure-threshold: warning
ignored:
  - DL3008
  - SC2086
override:
  error:
    - DL3013
  style:
    - DL3059
trustedRegistries:
  - docker.io
  - my-company.com:5000
label-schema:
  author: text
  website: url
strict-labels: true
format: json
no-color: true
"""


def test_every_hadolint_setting_maps_onto_our_config() -> None:
    config = load_hadolint_config(FULL)
    assert config.failure_threshold is Severity.WARNING
    assert "DF011" in config.ignore and "SC2086" in config.ignore
    assert config.severity["DF052"] is Severity.ERROR
    assert config.severity["DF015"] is Severity.STYLE
    assert config.trusted_registries == ("docker.io", "my-company.com:5000")
    assert dict(config.label_schema) == {"author": "text", "website": "url"}
    assert config.strict_labels is True


def test_the_config_changes_what_lint_reports() -> None:
    config = load_hadolint_config("ignored: [DL3013]\noverride:\n  error: [DL3016]\n")
    result = lint("FROM node:22-slim\nRUN pip install flask && npm install -g typescript\n", config=config)
    rules = {f.rule: f.severity for f in result.findings}
    assert "DF052" not in rules
    assert rules["DF053"] is Severity.ERROR


def test_empty_file_is_the_default_config() -> None:
    assert hadolint_config_dict("") == {}


def test_ignore_threshold_and_no_fail_mean_never_fail() -> None:
    assert load_hadolint_config("failure-threshold: ignore\n").failure_threshold is Severity.NONE
    assert load_hadolint_config("no-fail: true\n").failure_threshold is Severity.NONE


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour: true\n", "unknown key(s): colour"),
        ("- DL3008\n", "must be a mapping"),
        ("ignored: DL3008\n", "ignored must be a list of strings"),
        ("override:\n  fatal: [DL3008]\n", "override.fatal is not a severity"),
        ("label-schema:\n  author: uri\n", "unknown label type 'uri'"),
        ("label-schema: [author]\n", "label-schema must map label names to types"),
        ("failure-threshold: sometimes\n", "unknown failure-threshold"),
        ("strict-labels: yes please\n", "strict_labels must be true or false"),
        ("disable-ignore-pragma: true\n", "disable-ignore-pragma is not supported"),
        ("ignored: [\n", "not valid YAML"),
    ],
)
def test_bad_files_are_clear_config_errors(text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_hadolint_config(text)


def test_a_parsed_mapping_gives_the_same_config_as_the_text() -> None:
    from ruamel.yaml import YAML

    from dockwright.workspace.hadolint_config import from_hadolint

    assert from_hadolint(YAML(typ="safe").load(FULL)) == load_hadolint_config(FULL)
