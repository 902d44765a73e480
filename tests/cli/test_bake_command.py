"""`dockwright lint docker-bake.hcl`, and folder searches that meet a bake file: each Dockerfile bake builds is
linted with its target's build args and stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dockwright.cli import main

# The proxy's Dockerfile: its tag comes from a build arg, its debug stage runs as root.
PROXY = """\
ARG NGINX_TAG=1.27
FROM nginx:${NGINX_TAG} AS proxy
USER 101
FROM proxy AS debug
USER root
"""
BAKE = """\
variable "NGINX_TAG" {
  default = "latest"
}
group "default" {
  targets = ["proxy"]
}
target "proxy" {
  context = "proxy"
  target = "proxy"
  args = {
    NGINX_TAG = "${NGINX_TAG}"
  }
}
"""


def lint(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[tuple[str, str, int]], str]:
    code = main(["lint", "--no-shellcheck", "--no-cache", "--format", "json", *argv])
    captured = capsys.readouterr()
    rows = json.loads(captured.out) if captured.out.strip() else []
    # The rules the build changes: the image's tag (DF003) and the shipped stage's user (DF005).
    found = [(Path(row["file"]).name, row["rule"], row["line"]) for row in rows if row["rule"] in ("DF003", "DF005")]
    return code, found, captured.err


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "proxy").mkdir()
    (tmp_path / "proxy" / "Dockerfile").write_text(PROXY)
    (tmp_path / "docker-bake.hcl").write_text(BAKE)
    return tmp_path


def test_a_bake_file_lints_its_targets_dockerfile_with_their_args_and_stage(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, found, _ = lint([str(project / "docker-bake.hcl")], capsys)
    # The bake variable's `latest` reaches the FROM line; the debug stage is not what the target ships.
    assert (code, found) == (1, [("Dockerfile", "DF003", 2)])


def test_the_environment_sets_bake_variables(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NGINX_TAG", "1.27")
    assert lint([str(project / "docker-bake.hcl")], capsys)[1] == []


def test_a_folder_search_lints_a_dockerfile_bake_builds_once_and_as_bake_builds_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "tools.Dockerfile").write_text("FROM alpine:3.22\nUSER 1000\n")
    code, found, _ = lint([str(project)], capsys)
    # Linted on its own, the proxy's Dockerfile would report its debug stage's root user (DF005, line 5).
    assert (code, found) == (1, [("Dockerfile", "DF003", 2)])


def test_an_override_file_beside_the_named_bake_file_is_read_after_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "docker-bake.override.hcl").write_text('target "proxy" {\n  target = "debug"\n}\n')
    _, found, _ = lint([str(project / "docker-bake.hcl")], capsys)
    assert found == [("Dockerfile", "DF003", 2), ("Dockerfile", "DF005", 5)]


def test_a_json_bake_file_works_the_same(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "docker-bake.hcl").unlink()
    bake = {"target": {"proxy": {"context": "proxy", "target": "proxy", "args": {"NGINX_TAG": "latest"}}}}
    (project / "docker-bake.json").write_text(json.dumps(bake))
    assert lint([str(project)], capsys)[1] == [("Dockerfile", "DF003", 2)]


def test_targets_building_one_dockerfile_differently_report_each_finding_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bake = BAKE.replace('targets = ["proxy"]', 'targets = ["proxy", "proxy-debug"]') + (
        'target "proxy-debug" {\n  inherits = ["proxy"]\n  target = "debug"\n}\n'
    )
    (project / "docker-bake.hcl").write_text(bake)
    assert lint([str(project / "docker-bake.hcl")], capsys)[1] == [
        ("Dockerfile", "DF003", 2),
        ("Dockerfile", "DF005", 5),
    ]


def test_build_args_on_the_command_line_are_laid_over_the_bake_targets(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert lint(["--build-arg", "NGINX_TAG=1.27", str(project / "docker-bake.hcl")], capsys)[1] == []


def test_a_skipped_target_is_named_on_stderr(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    remote = '\ntarget "upstream" {\n  context = "https://github.com/example/proxy.git"\n}\n'
    (project / "docker-bake.hcl").write_text(BAKE.replace('["proxy"]', '["proxy", "upstream"]') + remote)
    code, found, err = lint([str(project / "docker-bake.hcl")], capsys)
    assert (code, found) == (1, [("Dockerfile", "DF003", 2)])
    assert "bake target 'upstream': remote context" in err


@pytest.mark.parametrize(
    ("bake", "message"),
    [
        ('target "proxy" {\n  context = \n}\n', "not a valid bake file"),
        ('target "proxy" {\n  dockerfile = "missing.Dockerfile"\n}\n', "bake target 'proxy': "),
        ('target "proxy" {\n  context = "proxy"\n  target = "release"\n}\n', "target stage 'release' not found"),
    ],
)
def test_a_bake_file_that_cannot_be_built_is_an_error(
    project: Path, capsys: pytest.CaptureFixture[str], bake: str, message: str
) -> None:
    (project / "docker-bake.hcl").write_text(bake)
    code, _, err = lint([str(project / "docker-bake.hcl")], capsys)
    assert code == 2
    assert message in err
