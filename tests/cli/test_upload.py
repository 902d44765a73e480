"""`dockwright lint --upload` against a live Dockwright server (pytest-django's live_server): the files of a folder
go up as one scan, findings come back marked new, `--fail-on new` fails only on new ones, and a server that cannot
be reached, a missing token or a refused one is exit 2 with the reason."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from dockwright.cli import main
from projects.models import Project, Role
from projects.services import membership_add, project_create
from scans.models import Scan
from tokens.services import api_token_create

pytestmark = pytest.mark.django_db(transaction=True)

DOCKERFILE = "FROM python:latest\nRUN pip install flask\nCMD python app.py\n"
COMPOSE = "services:\n  api:\n    build: ./api\n"


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "api").mkdir()
    (tmp_path / "api" / "Dockerfile").write_text(DOCKERFILE)
    (tmp_path / "api" / ".dockerignore").write_text("*.log\n")
    (tmp_path / "docker-compose.yml").write_text(COMPOSE)
    (tmp_path / "README.md").write_text("not sent\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def ci_token(monkeypatch: pytest.MonkeyPatch) -> str:
    owner = get_user_model().objects.create_user(username="owner", password="a-long-password-for-tests")
    project = project_create(
        user=owner, name="Payments", slug="payments", visibility=Project.Visibility.PRIVATE, default_branch="main"
    )
    maintainer = get_user_model().objects.create_user(username="ci-maker", password="a-long-password-for-tests")
    membership_add(project=project, username=maintainer.username, role=Role.MAINTAINER)
    _, secret = api_token_create(user=maintainer, name="ci", scopes=["scans:write", "read"], days=1, project=project)
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", secret)
    return secret


def upload(
    live_server: Any, capsys: pytest.CaptureFixture[str], *extra: str, branch: str = "main"
) -> tuple[int, str, str]:
    argv = ["lint", "--upload", "--server", live_server.url, "--project", "payments", "--branch", branch]
    code = main([*argv, "--commit", "abc123", "--repository", "example/payments", *extra, "."])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_an_upload_sends_the_folder_as_one_scan_and_prints_its_findings(live_server, capsys, repository, ci_token):
    code, out, err = upload(live_server, capsys)

    assert code == 1, err
    scan = Scan.objects.get()
    assert (scan.branch, scan.commit, scan.repository) == ("main", "abc123", "example/payments")
    assert sorted(scan.files.values_list("path", flat=True)) == [
        "api/.dockerignore",
        "api/Dockerfile",
        "docker-compose.yml",
    ]
    assert "api/Dockerfile:1:" in out and "[new]" in out
    assert "no earlier scan of the default branch" in out


def test_fail_on_new_passes_when_lines_only_moved_and_fails_on_a_new_finding(live_server, capsys, repository, ci_token):
    upload(live_server, capsys)
    (repository / "api" / "Dockerfile").write_text("# moved down\n\n" + DOCKERFILE)

    moved = upload(live_server, capsys, "--fail-on", "new", branch="feature")
    (repository / "api" / "Dockerfile").write_text(DOCKERFILE + "ADD https://example.com/x.tgz /x\n")
    added = upload(live_server, capsys, "--fail-on", "new", branch="feature")
    without_gate = upload(live_server, capsys, branch="feature")

    assert moved[0] == 0, moved
    assert "0 new" in moved[1] and "[new]" not in moved[1]
    assert added[0] == 1
    new = [line for line in added[1].splitlines() if "[new]" in line]
    # The ADD, in the Dockerfile and as the compose file reports what its built Dockerfile has (it reads it).
    assert {line.split(":")[0] for line in new} == {"api/Dockerfile", "docker-compose.yml"}
    assert all("DF118" in line for line in new)
    assert without_gate[0] == 1  # every finding counts without --fail-on new


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_server_is_exit_2_with_the_reason(capsys, repository, monkeypatch) -> None:
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", "dw_whatever")

    code = main(["lint", "--upload", "--server", f"http://127.0.0.1:{_closed_port()}", "--project", "p", "."])
    err = capsys.readouterr().err

    assert code == 2
    assert "cannot reach the Dockwright server" in err and "refused" in err.lower()


def test_no_token_or_a_refused_one_is_exit_2(live_server, capsys, repository, monkeypatch, ci_token) -> None:
    monkeypatch.delenv("DOCKWRIGHT_TOKEN")
    missing = upload(live_server, capsys)
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", "dw_" + "x" * 64)
    refused = upload(live_server, capsys)
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", ci_token)
    other_project = main(["lint", "--upload", "--server", live_server.url, "--project", "elsewhere", "."])

    assert missing[0] == 2 and "DOCKWRIGHT_TOKEN" in missing[2]
    assert refused[0] == 2 and "(403): Invalid token." in refused[2]
    assert other_project == 2 and "(404)" in capsys.readouterr().err
    assert not Scan.objects.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lint", "--project", "p", "."], "--project goes with --server"),
        (["lint", "--upload", "--server", "file:///etc/passwd", "--project", "p", "."], "http:// or https://"),
        (["lint", "--upload", "--project", "p", "."], "--server URL and --project SLUG"),
    ],
)
def test_misuse_is_exit_2(capsys, repository, monkeypatch, argv, message) -> None:
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", "dw_whatever")

    assert main(argv) == 2
    assert message in capsys.readouterr().err
