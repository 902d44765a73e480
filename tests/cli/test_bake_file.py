"""Reading Docker Bake files: which Dockerfiles bake builds by default, with which build args and target stage."""

from __future__ import annotations

import json

import pytest

from dockwright.cli.bake import MAX_TARGETS, BakeTarget, bake_project
from dockwright.dockerfile.build import BuildOptions
from dockwright.errors import InputError

SHOP = """
# The shop's images: one Dockerfile, two stages shipped, a worker built from its own file.
variable "PYTHON_VERSION" {
  default = "3.13"
}
variable "REGISTRY" {}

group "default" {
  targets = ["storefront", "workers"]
}
group "workers" {
  targets = ["mailer"]
}

target "_common" {
  context = "shop"
  args = {
    PYTHON_VERSION = "${PYTHON_VERSION}"
    RELEASE = "2026.12"
  }
}

target "storefront" {
  inherits = ["_common"]
  target = "web"
  args = {
    RELEASE = "2026.12.1"
  }
}

target "mailer" {
  inherits = ["_common"]
  dockerfile = "docker/mailer.Dockerfile"
  args = {
    QUEUE = "mail"
    IMAGE = "${REGISTRY}/mailer"
    SHOUT = "${upper(PYTHON_VERSION)}"
  }
}

target "tests" {
  inherits = ["_common"]
  target = "test"
}
"""


def test_the_default_group_is_built_with_inherited_and_own_args() -> None:
    project = bake_project([("docker-bake.hcl", SHOP)], {})
    assert project.targets == [
        BakeTarget(
            "storefront",
            "shop/Dockerfile",
            "shop",
            BuildOptions({"PYTHON_VERSION": "3.13", "RELEASE": "2026.12.1"}, "web"),
        ),
        BakeTarget(
            "mailer",
            "shop/docker/mailer.Dockerfile",
            "shop",
            BuildOptions({"PYTHON_VERSION": "3.13", "RELEASE": "2026.12", "QUEUE": "mail"}),
        ),
    ]
    # A variable without a value and a function call are not guessed: those args keep the ARG's default.
    assert [note.split(":")[1].split("=")[0].strip() for note in project.notes] == ["arg IMAGE", "arg SHOUT"]


def test_the_environment_sets_a_declared_variable_as_bake_reads_it() -> None:
    project = bake_project([("docker-bake.hcl", SHOP)], {"PYTHON_VERSION": "3.12", "REGISTRY": "registry.example"})
    mailer = project.targets[1].build.args
    assert (mailer["PYTHON_VERSION"], mailer["IMAGE"]) == ("3.12", "registry.example/mailer")


def test_an_override_file_adds_to_the_targets_of_the_file_before_it() -> None:
    override = 'target "storefront" {\n  args = { RELEASE = "hotfix" }\n  target = "web-debug"\n}\n'
    project = bake_project([("docker-bake.hcl", SHOP), ("docker-bake.override.hcl", override)], {})
    storefront = project.targets[0].build
    assert storefront == BuildOptions({"PYTHON_VERSION": "3.13", "RELEASE": "hotfix"}, "web-debug")


def test_a_json_bake_file_reads_like_its_hcl_form() -> None:
    data = {
        "variable": {"TAG": {"default": "1.27"}},
        "target": {
            "proxy": {"context": "proxy", "args": {"NGINX_TAG": "${TAG}", "WORKERS": 4}, "target": "prod"},
            "docs": {"dockerfile": "docs.Dockerfile", "args": {"LITERAL": "$${NOT_A_VARIABLE}"}},
        },
    }
    project = bake_project([("docker-bake.json", json.dumps(data))], {})
    assert project.targets == [
        BakeTarget("proxy", "proxy/Dockerfile", "proxy", BuildOptions({"NGINX_TAG": "1.27", "WORKERS": "4"}, "prod")),
        BakeTarget("docs", "docs.Dockerfile", ".", BuildOptions({"LITERAL": "${NOT_A_VARIABLE}"})),
    ]


def test_without_a_default_group_every_target_is_built_and_same_builds_once() -> None:
    text = 'target "a" {}\ntarget "b" {\n  dockerfile = "./Dockerfile"\n}\ntarget "c" {\n  target = "x"\n}\n'
    project = bake_project([("docker-bake.hcl", text)], {})
    assert [(t.name, t.dockerfile, t.build.target) for t in project.targets] == [
        ("a", "Dockerfile", None),
        ("c", "Dockerfile", "x"),
    ]


def test_a_target_named_default_is_built_when_there_is_no_default_group() -> None:
    text = 'target "default" {\n  target = "final"\n}\ntarget "other" {}\n'
    assert [t.name for t in bake_project([("docker-bake.hcl", text)], {}).targets] == ["default"]


@pytest.mark.parametrize(
    ("text", "skipped"),
    [
        ('target "remote" {\n  context = "https://github.com/example/app.git"\n}\n', "remote context"),
        ('target "image" {\n  context = "docker-image://alpine:3.22"\n}\n', "remote context"),
        ('target "inline" {\n  dockerfile-inline = "FROM alpine:3.22"\n}\n', "inline Dockerfile"),
        ('target "computed" {\n  dockerfile = "${lower(\\"Dockerfile\\")}"\n}\n', "needs more than variables"),
    ],
)
def test_targets_that_cannot_be_read_from_disk_are_skipped_with_a_note(text: str, skipped: str) -> None:
    project = bake_project([("docker-bake.hcl", text)], {})
    assert project.targets == []
    assert len(project.notes) == 1
    assert skipped in project.notes[0]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('target "a" {\n  args = \n}\n', "not a valid bake file"),
        ('target "a" {\n  inherits = ["b"]\n}\ntarget "b" {\n  inherits = ["a"]\n}\n', "inherits from itself"),
        ('target "a" {\n  inherits = ["missing"]\n}\n', "which is not a target"),
        ('group "default" {\n  targets = ["ghost"]\n}\n', "neither a target nor a group"),
        ('group "default" {\n  targets = ["default"]\n}\n', "includes itself"),
        ("target " + "{" * 150 + "}" * 150, "nests more than 100 levels"),
        ("#" + "x" * 70_000, "at most 65,536 characters"),
        ('target "a" {\n  args = { "not a name" = "1" }\n}\n', "not a valid ARG name"),
    ],
)
def test_an_invalid_or_unbounded_bake_file_is_refused_with_its_reason(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        bake_project([("docker-bake.hcl", text)], {})


def test_the_number_of_targets_is_bounded() -> None:
    text = "".join(f'target "t{i}" {{}}\n' for i in range(MAX_TARGETS + 1))
    with pytest.raises(InputError, match=f"more than {MAX_TARGETS} bake targets"):
        bake_project([("docker-bake.hcl", text)], {})


def test_a_json_bake_file_has_the_size_limit_of_a_compose_file() -> None:
    padding = json.dumps({"target": {"a": {"description": "x" * 100_000, "target": "app"}}})
    assert bake_project([("docker-bake.json", padding)], {}).targets[0].build.target == "app"
    with pytest.raises(InputError, match="at most 500,000 characters"):
        bake_project([("docker-bake.json", padding.replace("x" * 100_000, "x" * 500_000))], {})


def test_a_json_file_that_is_not_a_set_of_blocks_is_refused() -> None:
    with pytest.raises(InputError, match="variable, group and target blocks"):
        bake_project([("docker-bake.json", "[1, 2]")], {})
