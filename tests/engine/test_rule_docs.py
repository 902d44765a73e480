"""Rule documentation is tested like code: every registered rule, whoever wrote it, must be complete,
its `bad` example must trigger it and its `good` example must not, and it must have its own test module.

Examples run through the full pipeline with the rule enabled, a fixed date and ShellCheck off. A rule whose
examples need more (a config key, another file of the analysis) says so with the optional class attributes
``example_config`` (a config dict merged into the defaults) and ``example_files`` (path -> content).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dockwright.findings import Severity
from dockwright.lint import lint
from dockwright.rules import load_all, registry
from dockwright.rules.base import PEERS, Rule

load_all()
RULES = list(registry)
TESTS = Path(__file__).parent
TODAY = "2026-11-28"
ID_FORMAT = {"dockerfile": re.compile(r"^DF\d{3}$"), "compose": re.compile(r"^DC\d{3}$")}
SLUG_FORMAT = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# What each peer's rule ids look like; an equivalent that does not fit is a typo.
PEER_ID_FORMAT = {
    "hadolint": re.compile(r"^DL\d{4}$"),
    # A rule that runs ShellCheck itself stands for the whole SC family.
    "shellcheck": re.compile(r"^SC(\d{4})?$"),
    "buildkit": re.compile(r"^[A-Z][A-Za-z]+$"),
    "dclint": re.compile(r"^[a-z]+(-[a-z]+)*$"),
}
# Ids that existed once and were retired; they must never be given to a new rule.
RETIRED_IDS: frozenset[str] = frozenset()
# Ids as published: an id keeps its slug (its meaning) for good. Add rules here once they are released;
# a rule that goes away moves to RETIRED_IDS instead of leaving its id free for something else.
PUBLISHED_IDS = {
    "DF005": "root-user",
    "DF006": "missing-healthcheck",
    "DF007": "http-client-missing",
    "DF008": "shell-form-command",
    "DF009": "apt-get-missing-yes",
    "DF010": "apt-get-install-recommends",
    "DF011": "apt-get-unpinned",
    "DF012": "apt-lists-not-removed",
    "DF013": "pip-cache",
    "DF014": "build-without-dev-dependencies",
    "DF015": "consecutive-run",
    "DF016": "context-copied-before-install",
    "DF017": "chown-after-copy",
    "DF018": "chmod-after-copy",
    "DF019": "add-local-file",
    "DF020": "maintainer",
    "DF021": "relative-workdir",
    "DF022": "cd-in-run",
    "DF023": "sudo-in-run",
    "DF024": "secret-in-arg-or-env",
    "DF025": "from-as-casing",
    "DF026": "multiple-cmd",
    "DF027": "multiple-entrypoint",
    "DF028": "multiple-healthcheck",
    "DF029": "expose-invalid-port",
    "DF030": "expose-host-port",
    "DF031": "expose-protocol-casing",
    "DF032": "undefined-arg-in-from",
    "DF033": "invalid-default-arg-in-from",
}


def _ids(rules: list[type[Rule]]) -> list[str]:
    return [rule.id for rule in rules]


def _findings(rule: type[Rule], example: str) -> list[str]:
    # A rule that only acts under some configuration (a label schema, trusted registries) or with other
    # files of the analysis (a .dockerignore) declares them as `example_config` / `example_files`; its
    # examples are linted with them.
    config = {"today": TODAY, "shellcheck": False, **getattr(rule, "example_config", {}), "enable": [rule.id]}
    files = getattr(rule, "example_files", None)
    result = lint(example, kind=rule.target, config=config, files=files)
    return [f"{f.line}:{f.column} {f.message}" for f in result.findings if f.rule == rule.id]


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_rule_metadata_is_complete(rule: type[Rule]) -> None:
    metadata = rule.metadata()
    for key in ("id", "slug", "title", "rationale", "bad", "good", "fix_title"):
        assert isinstance(metadata[key], str) and metadata[key].strip(), f"{rule.id} has no {key}"
    assert ID_FORMAT[rule.target].match(rule.id), f"{rule.id} does not look like a {rule.target} rule id"
    assert SLUG_FORMAT.match(rule.slug), f"{rule.id} slug {rule.slug!r} is not kebab-case"
    assert isinstance(rule.severity, Severity) and rule.severity is not Severity.NONE
    assert isinstance(rule.enabled_by_default, bool)
    assert isinstance(rule.notes, str)
    assert rule.bad != rule.good


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_rule_equivalents_name_known_peers_and_plausible_ids(rule: type[Rule]) -> None:
    for peer, peer_id in rule.equivalents.items():
        assert peer in PEERS, f"{rule.id} names unknown peer {peer!r}"
        assert PEER_ID_FORMAT[peer].match(peer_id), f"{rule.id}: {peer_id!r} is not a {peer} rule id"


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_bad_example_triggers_the_rule(rule: type[Rule]) -> None:
    assert _findings(rule, rule.bad), f"{rule.id}'s bad example does not trigger it:\n{rule.bad}"


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_good_example_does_not_trigger_the_rule(rule: type[Rule]) -> None:
    assert _findings(rule, rule.good) == [], f"{rule.id}'s good example triggers it:\n{rule.good}"


@pytest.mark.parametrize("rule", RULES, ids=_ids(RULES))
def test_every_rule_has_its_own_test_module(rule: type[Rule]) -> None:
    pattern = f"test_{rule.id.lower()}_*.py"
    modules = list(TESTS.glob(f"*/rules/{pattern}"))
    assert modules, f"{rule.id} has no test module tests/engine/{rule.target}/rules/{pattern}"


def test_rule_ids_and_slugs_are_unique() -> None:
    ids = _ids(RULES)
    slugs = [rule.slug for rule in RULES]
    assert len(set(ids)) == len(ids)
    assert len(set(slugs)) == len(slugs)


def test_retired_rule_ids_are_never_reused() -> None:
    assert RETIRED_IDS.isdisjoint(_ids(RULES))


@pytest.mark.parametrize(("rule_id", "slug"), sorted(PUBLISHED_IDS.items()))
def test_published_rule_ids_keep_their_meaning(rule_id: str, slug: str) -> None:
    rule = registry.get(rule_id)
    if rule is None:
        assert rule_id in RETIRED_IDS, f"{rule_id} ({slug}) disappeared: list it in RETIRED_IDS"
    else:
        assert rule.slug == slug, f"{rule_id} was {slug!r} and is now {rule.slug!r}: give the new rule a new id"


def test_the_registry_rejects_a_second_rule_with_an_existing_id() -> None:
    existing = RULES[0]
    impostor = type("Impostor", (existing,), {"slug": "impostor-rule"})
    with pytest.raises(TypeError, match="duplicate rule id"):
        registry.register(impostor)


def test_at_least_twenty_dockerfile_rules_exist() -> None:
    assert len(registry.for_target("dockerfile")) >= 20
