"""docker/Dockerfile must stay buildable by Debian's buildah 1.28 on stand-in base images (the image test).

buildah 1.28 rejects `RUN <<EOF` heredocs and `COPY --link`; a digest pin or a registry host cannot match a
stand-in (they carry localhost/ names); and every base image must be one the stand-in planner can make
honestly (e.g. a Python version some Debian release ships). These checks take milliseconds, so a Dockerfile
change that would break the slow image test fails here first.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.parser import parse_dockerfile

REPO = Path(__file__).resolve().parents[2]
# What buildah 1.28 accepts on these instructions (its error: "COPY only supports the --chmod=<permissions>
# --chown=<uid:gid> and the --from=<image|stage> flags").
BUILDAH_FLAGS = {"COPY": {"chmod", "chown", "from"}, "ADD": {"chmod", "chown"}}


@pytest.fixture(scope="module")
def dockerfile() -> Dockerfile:
    return parse_dockerfile((REPO / "docker" / "Dockerfile").read_text())


def test_dockerfile_parses_without_errors(dockerfile: Dockerfile) -> None:
    assert [problem.message for problem in dockerfile.errors] == []
    assert dockerfile.stages, "no FROM"


def test_dockerfile_uses_no_heredocs(dockerfile: Dockerfile) -> None:
    assert [i.line for i in dockerfile.all_instructions() if i.heredocs] == []


def test_copy_and_add_use_only_flags_buildah_knows(dockerfile: Dockerfile) -> None:
    unsupported = [
        f"line {i.line}: {i.keyword} --{flag.name}"
        for i in dockerfile.all_instructions()
        if i.keyword in BUILDAH_FLAGS
        for flag in i.flags
        if flag.name not in BUILDAH_FLAGS[i.keyword]
    ]
    assert unsupported == []


def test_every_base_image_has_an_honest_stand_in(dockerfile: Dockerfile, standin_plan: ModuleType) -> None:
    images = standin_plan.dockerfile_images(dockerfile.text)
    assert images, "no external base image"
    for image in images:
        assert image.digest is None, f"{image.raw}: digest pins cannot match a stand-in"
        assert image.registry is None, f"{image.raw}: write the short name; stand-ins are localhost/ only"
        standin_plan.plan(image)  # raises PlanError with the reason


def test_the_final_stage_runs_as_a_non_root_user(dockerfile: Dockerfile) -> None:
    final = dockerfile.final_stage
    assert final is not None
    users = [i.arguments.strip() for stage in reversed(final.lineage) for i in stage.named("USER")]
    assert users and users[-1].split(":")[0] not in ("0", "root")


def test_the_final_stage_keeps_a_healthcheck_and_an_exec_form_entrypoint(dockerfile: Dockerfile) -> None:
    final = dockerfile.final_stage
    assert final is not None
    instructions = [i for stage in reversed(final.lineage) for i in stage.instructions]
    assert any(i.keyword == "HEALTHCHECK" and "NONE" not in i.arguments.upper() for i in instructions)
    entrypoints = [i for i in instructions if i.keyword == "ENTRYPOINT"]
    assert entrypoints and entrypoints[-1].is_exec_form
