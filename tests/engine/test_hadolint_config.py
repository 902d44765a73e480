import re

import pytest

from dockwright.errors import ConfigError
from dockwright.findings import Severity
from dockwright.lint import lint
from dockwright.workspace.hadolint_config import hadolint_config_dict, hadolint_settings, load_hadolint_config

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


def test_ignore_threshold_means_never_fail_and_no_fail_is_the_clis() -> None:
    assert load_hadolint_config("failure-threshold: ignore\n").failure_threshold is Severity.NONE
    # no-fail does not touch the threshold: a later source may set no-fail back to false (see tests/cli).
    assert load_hadolint_config("no-fail: true\n").failure_threshold is Severity.INFO
    assert hadolint_settings({"no-fail": True}).no_fail is True


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- DL3008\n", "must be a mapping"),
        ("ignored: DL3008\n", "ignored must be a list of strings"),
        ("override:\n  fatal: [DL3008]\n", "override.fatal is not a severity"),
        ("label-schema:\n  author: uri\n", "unknown label type 'uri'"),
        ("label-schema: [author]\n", "label-schema must map label names to types"),
        ("failure-threshold: sometimes\n", "unknown failure-threshold"),
        ("strict-labels: yes please\n", "strict_labels must be true or false"),
        ("disable-ignore-pragma: sometimes\n", "disable_ignore_pragma must be true or false"),
        ("formats: json\n", "formats must be a list of strings"),
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


def test_a_key_hadolint_does_not_read_is_a_note_not_an_error() -> None:
    settings = hadolint_settings({"colour": True, "ignored": ["DL3008"]})
    assert settings.notes == (".hadolint.yaml: colour is not a hadolint setting; ignored",)
    assert settings.config == {"ignore": ["DF011"]}


@pytest.mark.parametrize(
    ("data", "output_format", "notes"),
    [
        ({"format": "tty"}, "text", 0),
        ({"format": "gnu"}, "text", 0),
        ({"format": "json"}, "json", 0),
        ({"format": "checkstyle"}, "checkstyle", 0),
        ({"format": "codeclimate"}, "gitlab", 0),
        ({"format": "gitlab_codeclimate"}, "gitlab", 0),
        ({"format": "sarif"}, "sarif", 0),
        ({"format": "junit"}, "junit", 0),
        ({"formats": ["json", "sarif"]}, "sarif", 0),  # we write one format: the last
        ({"formats": ["json"], "format": "junit"}, "junit", 0),
        ({"format": "codacy"}, None, 1),
        ({}, None, 0),
    ],
)
def test_output_settings_are_the_clis(data: dict[str, object], output_format: str | None, notes: int) -> None:
    settings = hadolint_settings(data)
    assert (settings.output_format, len(settings.notes), settings.config) == (output_format, notes, {})


@pytest.mark.parametrize(
    ("data", "no_fail", "verbose"),
    [({}, None, None), ({"no-fail": True, "verbose": True}, True, True), ({"no-fail": False}, False, None)],
)
def test_no_fail_and_verbose_are_kept_unset_unless_the_file_sets_them(
    data: dict[str, object], no_fail: bool | None, verbose: bool | None
) -> None:
    assert (hadolint_settings(data).no_fail, hadolint_settings(data).verbose) == (no_fail, verbose)


PRAGMAS = """\
FROM python:latest
# hadolint ignore=DL3007
FROM nginx:latest
# dockwright ignore=DF003
FROM redis:latest
# check=skip=FromAsCasing
FROM alpine:3.22 as final
"""


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("disable-ignore-pragma: false\n", [("DF003", 1)]),
        # Our pragmas and hadolint's are ignored; BuildKit's check comment is the build's own setting and stays.
        ("disable-ignore-pragma: true\n", [("DF003", 1), ("DF003", 3), ("DF003", 5)]),
    ],
)
def test_disable_ignore_pragma_ignores_the_inline_ignore_comments(text: str, reported: list[tuple[str, int]]) -> None:
    config = load_hadolint_config(text).merged(shellcheck=False)
    findings = lint(PRAGMAS, kind="dockerfile", config=config).findings
    assert [(f.rule, f.line) for f in findings if f.rule in ("DF003", "DF025")] == reported
