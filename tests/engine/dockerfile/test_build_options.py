"""`docker build --build-arg` and `--target` through the whole pipeline: build args replace the defaults of the ARGs
a Dockerfile declares (and of nothing else), and the rules about the shipped image look at the target stage."""

from __future__ import annotations

import pytest

from dockwright.dockerfile.build import BuildOptions, parse_build_arg
from dockwright.errors import InputError
from dockwright.lint import lint
from tests.engine.rule_table import TODAY


def rules_found(snippet: str, build: BuildOptions | None, *rules: str) -> list[tuple[str, int]]:
    config = {"today": TODAY, "shellcheck": False, "enable": list(rules)}
    result = lint(snippet, kind="dockerfile", config=config, build=build)
    return [(f.rule, f.line) for f in result.findings if f.rule in rules]


TAGGED = "ARG TAG=1.27\nFROM nginx:$TAG\nUSER 101\n"
STAGES = (
    "FROM alpine:3.22 AS build\nRUN echo build\nFROM build AS runtime\nUSER 1000\nFROM runtime AS debug\nUSER root\n"
)
RUN_AS = "FROM alpine:3.22\nARG RUN_AS=1000\nUSER $RUN_AS\n"

ARG_CASES = [
    # (snippet, build args, rule, expected findings)
    (TAGGED, {}, "DF003", []),
    (TAGGED, {"TAG": "latest"}, "DF003", [("DF003", 2)]),
    # A build arg for an ARG the file never declares changes nothing (BuildKit warns it was not consumed).
    ("FROM nginx:1.27\nUSER 101\n", {"TAG": "latest"}, "DF003", []),
    # Declared without a default: the build arg gives it its value.
    ("ARG TAG\nFROM nginx:${TAG}\nUSER 101\n", {"TAG": "latest"}, "DF003", [("DF003", 2)]),
    # An ARG inside a stage.
    (RUN_AS, {}, "DF005", []),
    (RUN_AS, {"RUN_AS": "root"}, "DF005", [("DF005", 3)]),
    # A stage's bare ARG re-declaring a global one sees the build arg too.
    ("ARG RUN_AS=1000\nFROM alpine:3.22\nARG RUN_AS\nUSER $RUN_AS\n", {"RUN_AS": "root"}, "DF005", [("DF005", 4)]),
    # The platform ARGs keep the platform's values.
    ("FROM alpine:3.22\nARG TARGETARCH\nUSER ${TARGETARCH}\n", {"TARGETARCH": "root"}, "DF005", []),
]


@pytest.mark.parametrize(("snippet", "args", "rule", "expected"), ARG_CASES)
def test_build_args_replace_the_defaults_of_declared_args(
    snippet: str, args: dict[str, str], rule: str, expected: list[tuple[str, int]]
) -> None:
    assert rules_found(snippet, BuildOptions(args), rule) == expected


TARGET_CASES = [
    # (snippet, target, rule, expected findings)
    (STAGES, None, "DF005", [("DF005", 6)]),
    (STAGES, "runtime", "DF005", []),
    (STAGES, "RUNTIME", "DF005", []),  # stage names are not case-sensitive
    (STAGES, "build", "DF005", [("DF005", 1)]),
    # DF090 (no USER) asks for the final stage too: the target's lineage sets none.
    ("FROM alpine:3.22 AS build\nFROM build AS app\nUSER 1000\n", "build", "DF090", [("DF090", 1)]),
    ("FROM alpine:3.22 AS build\nFROM build AS app\nUSER 1000\n", None, "DF090", []),
    # The healthcheck belongs to the image built.
    ("FROM alpine:3.22 AS app\nUSER 1000\nFROM app AS checked\nHEALTHCHECK CMD true\n", None, "DF006", []),
    ("FROM alpine:3.22 AS app\nUSER 1000\nFROM app AS checked\nHEALTHCHECK CMD true\n", "app", "DF006", [("DF006", 1)]),
]


@pytest.mark.parametrize(("snippet", "target", "rule", "expected"), TARGET_CASES)
def test_the_final_stage_rules_look_at_the_target_stage(
    snippet: str, target: str | None, rule: str, expected: list[tuple[str, int]]
) -> None:
    assert rules_found(snippet, BuildOptions(target=target), rule) == expected


def test_a_stage_the_target_does_not_need_is_not_checked_as_a_result_of_the_build() -> None:
    # Every result stage must carry the schema's labels; with a target, the target is the only result.
    snippet = "FROM alpine:3.22 AS tools\nRUN echo tools\nFROM alpine:3.22 AS app\nLABEL version=1.0.0\n"
    config = {"today": TODAY, "shellcheck": False, "label_schema": {"version": "semver"}}
    untargeted = lint(snippet, kind="dockerfile", config=config)
    targeted = lint(snippet, kind="dockerfile", config=config, build=BuildOptions(target="app"))
    assert [(f.rule, f.line) for f in untargeted.findings if f.rule == "DF079"] == [("DF079", 1)]
    assert [f for f in targeted.findings if f.rule == "DF079"] == []


def test_a_target_the_file_does_not_define_is_refused_as_docker_build_refuses_it() -> None:
    with pytest.raises(InputError, match="target stage 'release' not found"):
        lint(STAGES, kind="dockerfile", build=BuildOptions(target="release"))


def test_a_compose_file_ignores_build_options() -> None:
    compose = "services:\n  web:\n    image: nginx:1.27\n"
    assert lint(compose, kind="compose", build=BuildOptions({"A": "1"}, "nope")).kind == "compose"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("VERSION=1.2", ("VERSION", "1.2")),
        ("EMPTY=", ("EMPTY", "")),
        ("URL=a=b", ("URL", "a=b")),
        ("FROM_ENV", ("FROM_ENV", "set")),
        ("NOT_IN_ENV", None),
    ],
)
def test_build_args_are_read_as_docker_reads_them(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_build_arg(text, {"FROM_ENV": "set"}) == expected


@pytest.mark.parametrize("text", ["=value", "1ABC=x", "A B=x", ""])
def test_a_build_arg_without_a_valid_name_is_refused(text: str) -> None:
    with pytest.raises(InputError):
        parse_build_arg(text, {})


def test_build_options_are_bounded() -> None:
    with pytest.raises(InputError, match="at most"):
        BuildOptions({f"A{i}": "x" for i in range(201)})
    with pytest.raises(InputError, match="longer than"):
        BuildOptions({"A": "x" * 20_000})
