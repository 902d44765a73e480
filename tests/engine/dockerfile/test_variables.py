"""ARG/ENV substitution and scoping, as BuildKit resolves them."""

from __future__ import annotations

import pytest

from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.dockerfile.variables import expand, process_word, references

ENV = {"NAME": "app", "EMPTY": "", "UNSET": None, "PATHV": "/usr/local/bin:/usr/bin"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("$NAME", "app"),
        ("${NAME}", "app"),
        ("pre-${NAME}-post", "pre-app-post"),
        ("$NAME.conf", "app.conf"),
        ("${MISSING:-fallback}", "fallback"),
        ("${EMPTY:-fallback}", "fallback"),
        ("${EMPTY-fallback}", ""),
        ("${MISSING-fallback}", "fallback"),
        ("${NAME:-fallback}", "app"),
        ("${NAME:+alt}", "alt"),
        ("${EMPTY:+alt}", ""),
        ("${EMPTY+alt}", "alt"),
        ("${MISSING:+alt}", ""),
        ("${MISSING:-${NAME}}", "app"),
        ("${PATHV#*:}", "/usr/bin"),
        ("${PATHV##*/}", "bin"),
        ("${PATHV%:*}", "/usr/local/bin"),
        ("${PATHV%%/*}", ""),
        ("\\$NAME", "$NAME"),
        ("cost: $5", "cost: $5"),
        ("${", "${"),
        ("${1abc}", "${1abc}"),
        ("$", "$"),
        ("'$NAME'", "'app'"),  # expand() leaves quotes alone
    ],
)
def test_expand(text: str, value: str) -> None:
    assert expand(text, ENV).value == value


def test_expand_reports_undefined_and_referenced_names() -> None:
    result = expand("${NAME}/$MISSING/${UNSET}/${OTHER:-x}", ENV)
    assert result.value == "app///x"
    assert result.undefined == ["MISSING", "UNSET"]
    assert result.referenced == ["NAME", "MISSING", "UNSET", "OTHER"]


def test_required_variable_that_is_missing_is_undefined() -> None:
    assert expand("${MISSING:?set it}", ENV).undefined == ["MISSING"]
    assert expand("${NAME:?set it}", ENV).value == "app"


def test_expand_with_backtick_escape() -> None:
    assert expand("`$NAME $NAME", ENV, "`").value == "$NAME app"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('"$NAME is here"', "app is here"),
        ("'$NAME stays'", "$NAME stays"),
        ('"a \\"quoted\\" \\$NAME"', 'a "quoted" $NAME'),
        ("one\\ two", "one two"),
        ('"keeps \\n as written"', "keeps \\n as written"),
        ("mixed'$NAME'$NAME", "mixed$NAMEapp"),
        ('${MISSING:-"a b"}', "a b"),
    ],
)
def test_process_word_reads_quotes_like_buildkit(text: str, value: str) -> None:
    assert process_word(text, ENV).value == value


def _scope(text: str, index: int) -> dict[str, str | None]:
    return parse_dockerfile(text).instructions[index].scope


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("$A/${B}/x", [("A", 0, 2, True), ("B", 3, 7, True)]),
        ("${A:-$B}", [("A", 0, 8, False)]),
        ("${A#*/}-${B:+x}", [("A", 0, 7, False), ("B", 8, 15, False)]),
        ("'$A' $B", [("B", 5, 7, True)]),
        # a single quote inside double quotes is a character like any other
        ('"it\'s $A"', [("A", 6, 8, True)]),
        ("\\$A $B", [("B", 4, 6, True)]),
        ("$ ${} ${!x} $1", []),
        # an unclosed `${` leaves the rest literal, as substitution does
        ("${A $B", []),
        ("${ünï}", [("ünï", 0, 6, True)]),
    ],
)
def test_references_are_found_where_buildkit_substitutes(text: str, found: list[tuple[str, int, int, bool]]) -> None:
    assert [(r.name, r.start, r.end, r.plain) for r in references(text)] == found


def test_references_of_many_unclosed_braces_take_linear_time() -> None:
    assert references("${A" * 100_000) == []


def test_global_args_are_visible_in_from_only() -> None:
    text = "ARG VERSION=3.12\nFROM python:${VERSION}\nRUN echo $VERSION\n"
    parsed = parse_dockerfile(text)
    assert parsed.stages[0].image is not None
    assert parsed.stages[0].image.tag == "3.12"
    assert "VERSION" not in parsed.instructions[2].scope
    assert [a.keyword for a in parsed.global_args] == ["ARG"]


def test_a_bare_arg_in_a_stage_brings_the_global_value_in() -> None:
    text = "ARG VERSION=3.12\nFROM python\nARG VERSION\nRUN echo $VERSION\n"
    assert _scope(text, 3)["VERSION"] == "3.12"


def test_a_stage_arg_default_overrides_the_global_one() -> None:
    text = "ARG VERSION=3.12\nFROM python\nARG VERSION=3.11\nRUN true\n"
    assert _scope(text, 3)["VERSION"] == "3.11"


def test_an_arg_default_can_use_an_earlier_arg() -> None:
    text = "ARG MAJOR=3\nARG FULL=${MAJOR}.12\nFROM python:$FULL\nARG A=x\nARG B=${A}-y\nRUN true\n"
    parsed = parse_dockerfile(text)
    assert parsed.stages[0].image is not None
    assert parsed.stages[0].image.tag == "3.12"
    assert parsed.instructions[5].scope["B"] == "x-y"


def test_an_arg_declared_without_value_is_unset() -> None:
    text = "FROM alpine\nARG TOKEN\nRUN echo $TOKEN\n"
    scope = _scope(text, 2)
    assert "TOKEN" in scope
    assert scope["TOKEN"] is None
    assert parse_dockerfile(text).instructions[2].expand("$TOKEN").undefined == ["TOKEN"]


def test_env_wins_over_an_arg_of_the_same_name() -> None:
    text = "FROM alpine\nARG V=from-arg\nENV V=from-env\nARG V=again\nRUN echo $V\n"
    assert _scope(text, 4)["V"] == "from-env"


def test_pairs_of_one_env_see_the_scope_before_it() -> None:
    text = "FROM alpine\nENV A=old\nENV A=new B=$A\nRUN true\n"
    scope = _scope(text, 3)
    assert (scope["A"], scope["B"]) == ("new", "old")


def test_env_values_are_read_as_shell_words() -> None:
    text = "FROM alpine\nENV N=app\nENV Q=\"$N x\" S='$N' E=\\$N\nENV L some $N value\nRUN true\n"
    scope = _scope(text, 4)
    assert (scope["Q"], scope["S"], scope["E"], scope["L"]) == ("app x", "$N", "$N", "some app value")


def test_env_is_carried_into_a_stage_built_from_an_earlier_stage() -> None:
    text = (
        "FROM python:3.12 AS base\nENV APP=/app\nARG MODE=prod\n"
        "FROM base AS child\nRUN echo $APP\n"
        "FROM python:3.12 AS other\nRUN echo $APP\n"
    )
    parsed = parse_dockerfile(text)
    child, other = parsed.stages[1], parsed.stages[2]
    assert child.base_stage is parsed.stages[0]
    assert child.image is None
    assert child.root_image is not None
    assert child.root_image.raw == "python:3.12"
    assert child.instructions[1].scope["APP"] == "/app"
    # ARGs declared in a base stage are inherited by its children as well (BuildKit behaviour).
    assert child.instructions[1].scope["MODE"] == "prod"
    assert "APP" not in other.instructions[1].scope


def test_platform_args_are_predefined_in_from_and_global_args() -> None:
    text = (
        "ARG ARCH_SUFFIX=-${TARGETARCH}\n"
        "FROM --platform=$BUILDPLATFORM golang:1.22${ARCH_SUFFIX}\n"
        "RUN echo $TARGETARCH\n"
    )
    parsed = parse_dockerfile(text)
    from_ = parsed.instructions[1]
    platform = from_.flag("platform")
    assert platform is not None
    assert platform.value is not None
    assert from_.expand(platform.value).value == "linux/amd64"
    assert parsed.stages[0].image is not None
    assert parsed.stages[0].image.tag == "1.22-amd64"
    assert "TARGETARCH" not in parsed.instructions[2].scope


def test_platform_args_need_a_bare_arg_inside_a_stage() -> None:
    text = "FROM alpine\nARG TARGETARCH\nRUN echo $TARGETARCH\n"
    assert _scope(text, 2)["TARGETARCH"] == "amd64"


@pytest.mark.parametrize(
    ("text", "raw", "tag"),
    [
        ("ARG X\nFROM ${X:-alpine}:3.20\n", "alpine:3.20", "3.20"),
        ("ARG X=debian\nFROM ${X:-alpine}:12\n", "debian:12", "12"),
        ("ARG REG=ghcr.io\nFROM ${REG}${REG:+/}org/app:1\n", "ghcr.io/org/app:1", "1"),
        ("ARG V=3.12.4\nFROM python:${V%.*}\n", "python:3.12", "3.12"),
        ('FROM "alpine:3.20"\n', "alpine:3.20", "3.20"),
    ],
)
def test_stage_image_is_resolved(text: str, raw: str, tag: str) -> None:
    stage = parse_dockerfile(text).stages[0]
    assert stage.image is not None
    assert (stage.image.raw, stage.image.tag) == (raw, tag)
    assert stage.unresolved == []


def test_stage_image_with_an_unresolved_variable_is_none() -> None:
    stage = parse_dockerfile("ARG TAG\nFROM python:${TAG}\n").stages[0]
    assert stage.image is None
    assert stage.unresolved == ["TAG"]
    assert stage.image_text == "python:${TAG}"


def test_an_arg_without_default_leaves_the_image_unresolved_even_inside_an_operator() -> None:
    """`--build-arg REG=...` may set it, so the image is not known statically."""
    stage = parse_dockerfile("ARG REG\nFROM ${REG}${REG:+/}org/app:1\n").stages[0]
    assert stage.image is None
    assert stage.unresolved == ["REG"]


def test_stage_names_and_indexes() -> None:
    text = "FROM alpine AS Build\nFROM build\nFROM scratch\n"
    parsed = parse_dockerfile(text)
    assert [(s.index, s.name) for s in parsed.stages] == [(0, "Build"), (1, None), (2, None)]
    assert parsed.stage_named("BUILD") is parsed.stages[0]
    assert parsed.stages[1].base_stage is parsed.stages[0]
    assert parsed.stages[2].image is not None
    assert parsed.stages[2].image.is_scratch
    assert parsed.final_stage is parsed.stages[2]


@pytest.mark.parametrize(
    ("raw", "registry", "repository", "tag", "digest", "official"),
    [
        ("python:3.12-slim", None, "python", "3.12-slim", None, True),
        ("docker.io/library/python", "docker.io", "python", None, None, True),
        ("bitnami/redis:7.2", None, "bitnami/redis", "7.2", None, False),
        ("localhost:5000/team/app:1@sha256:abc", "localhost:5000", "team/app", "1", "sha256:abc", False),
        ("ghcr.io/org/app@sha256:def", "ghcr.io", "org/app", None, "sha256:def", False),
        ("localhost/app", "localhost", "app", None, None, False),
    ],
)
def test_stage_image_parts(
    raw: str, registry: str | None, repository: str, tag: str | None, digest: str | None, official: bool
) -> None:
    image = parse_dockerfile(f"FROM {raw}\n").stages[0].image
    assert image is not None
    assert (image.registry, image.repository, image.tag, image.digest, image.is_official) == (
        registry,
        repository,
        tag,
        digest,
        official,
    )
    assert image.name == repository.rsplit("/", 1)[-1]
