"""Every compose rule documents itself, its examples are true, and it has a test module."""

from pathlib import Path

import pytest

from dockwright.lint import lint
from dockwright.rules import load_all, registry

load_all()
RULES = registry.for_target("compose")
DCLINT_RULES = {
    "no-version-field", "no-build-and-image", "no-duplicate-container-names", "no-duplicate-exported-ports",
    "no-quotes-in-volumes", "no-unbound-port-interfaces", "require-project-name-field", "require-quotes-in-ports",
    "service-container-name-regex", "service-dependencies-alphabetical-order", "service-image-require-explicit-tag",
    "service-keys-order", "service-ports-alphabetical-order", "services-alphabetical-order",
    "top-level-properties-order",
}  # fmt: skip


def _ids(example: str, rule) -> list[str]:  # type: ignore[no-untyped-def]
    config = {"today": "2026-11-28", "shellcheck": False, **getattr(rule, "example_config", {}), "enable": [rule.id]}
    result = lint(example, kind="compose", config=config, files=getattr(rule, "example_files", None))
    return [f.rule for f in result.findings]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_bad_example_triggers_the_rule(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.id in _ids(rule.bad, rule)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_the_good_example_does_not(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.id not in _ids(rule.good, rule)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_a_test_module(rule) -> None:  # type: ignore[no-untyped-def]
    folder = Path(__file__).parent / "rules"
    assert list(folder.glob(f"test_{rule.id.lower()}_*.py")), (
        f"no tests/engine/compose/rules/test_{rule.id.lower()}_*.py"
    )


def test_all_fifteen_dclint_rules_have_an_equivalent() -> None:
    covered = {r.equivalents["dclint"] for r in RULES if "dclint" in r.equivalents}
    assert covered >= DCLINT_RULES


def test_ordering_rules_are_style() -> None:
    ordering = [r for r in RULES if r.equivalents.get("dclint", "").endswith(("order", "alphabetical-order"))]
    assert len(ordering) == 5
    assert {r.severity.value for r in ordering} == {"style"}


STYLE = {"DC013", "DC016", "DC018", "DC020", "DC021", "DC022", "DC023"}


def test_the_style_profile_holds_the_layout_rules_and_is_off_by_default() -> None:
    style = {rule.id for rule in RULES if rule.profile == "style"}
    assert style == STYLE
    assert all(not rule.enabled_by_default for rule in RULES if rule.id in STYLE)
    assert all(rule.metadata()["profile"] in ("default", "style") for rule in RULES)


def test_a_config_switches_the_style_profile_on() -> None:
    from dockwright.workspace.config_file import parse_config_text

    config = parse_config_text("enable: [style]\n", source=".dockwright.yaml")
    assert config.enable >= STYLE
    text = "services:\n  web:\n    ports: ['127.0.0.1:80:80']\n    image: nginx:1.29.3\n"
    assert "DC020" not in [f.rule for f in lint(text, kind="compose").findings]
    assert "DC020" in [f.rule for f in lint(text, kind="compose", config=config).findings]
