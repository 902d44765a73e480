"""`dockwright lint --server URL --project SLUG` against a live Dockwright server (pytest-django's live_server): the
files are analysed there with the project's policy and printed here byte for byte as a local run with the same
policy as its config prints them, with the same exit status, in every format; a compose file named alone gets the
Dockerfiles it builds to the server as a local run reads them. A server that cannot be reached, times out, refuses
the token, does not know the project or fails is exit 2 with one line on stderr, and nothing is printed on stdout:
never a local run instead."""

from __future__ import annotations

import http.server
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.contrib.auth import get_user_model

from analyses.models import Analysis
from dockwright import server_client
from dockwright.cli import main
from projects.models import Project, Role
from projects.services import membership_add, project_create, project_policy_save
from scans.models import Scan
from tests.cli.test_upload import _closed_port
from tokens.services import api_token_create

pytestmark = pytest.mark.django_db(transaction=True)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
POLICY = {
    "ignore": ["DL3008", "DL3018"],
    "severity": {"latest-tag": "error", "DL3013": "style"},
    "enable": ["style"],
    "failure_threshold": "warning",
    "trusted_registries": ["docker.io", "registry.example.com"],
    "label_schema": {"org.opencontainers.image.source": "url"},
}
COMPOSE = """services:
  api:
    build: ./api
    env_file: api.env
    ports:
      - "${API_PORT}:8000"
  web:
    build:
      context: ./web
      dockerfile: Dockerfile
    depends_on: [api]
"""
API_DOCKERFILE = """FROM node:20
WORKDIR /app
COPY package.json ./
RUN npm install
COPY . .
ADD https://example.com/tool.tgz /opt/
CMD ["node", "server.js"]
"""
WEB_DOCKERFILE = "FROM nginx:latest\nCOPY . /usr/share/nginx/html\n"
BAKE = 'target "default" {\n  context = "."\n  args = { BASE = "python:3.13-slim" }\n}\n'
BAKED = "ARG BASE=python:latest\nFROM ${BASE}\nRUN pip install flask\nCMD python app.py\n"
MANIFEST = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: []\n"


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with fixtures of each kind: realistic and parser-corner Dockerfiles, compose stacks, a compose
    project whose services build Dockerfiles (with a .dockerignore, a package.json, .env files), a Dockerfile for CI,
    a bake file, and YAML that is not a Compose file."""
    root = tmp_path / "repo"
    for name in ("go-alpine-v0", "node-debian-heredoc-v1", "python-alpine-v2", "rust-debian-v0"):
        _copy(FIXTURES / "dockerfiles" / "realistic" / f"{name}.Dockerfile", root / "images" / f"{name}.Dockerfile")
    for name in ("heredoc_run_bash", "crlf", "bom", "escape_backtick_windows"):
        _copy(FIXTURES / "dockerfiles" / "parity" / f"{name}.Dockerfile", root / "parity" / f"{name}.Dockerfile")
    for number in ("00", "07", "15"):
        _copy(FIXTURES / "compose" / f"stack-{number}.yml", root / "stacks" / number / "docker-compose.yml")
    files = {
        "app/compose.yaml": COMPOSE,
        "app/.env": "API_PORT=8080\n",
        "app/api.env": "DATABASE_URL=postgres://db:5432/app\n",
        "app/api/Dockerfile": API_DOCKERFILE,
        "app/api/.dockerignore": "node_modules\n.git\n",
        "app/api/package.json": '{"scripts": {"build": "tsc"}}\n',
        "app/web/Dockerfile": WEB_DOCKERFILE,
        "app/web/.env": "SECRET=x\n",
        "ci/Dockerfile": "FROM golang:1.22\nRUN apt-get update && apt-get install -y gcc\nCMD ./run\n",
        "bake/docker-bake.hcl": BAKE,
        "bake/Dockerfile": BAKED,
        "k8s/compose.yaml": MANIFEST,
    }
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text)
    monkeypatch.chdir(root)
    monkeypatch.setenv("DOCKWRIGHT_CACHE_DIR", str(tmp_path / "cache"))
    return root


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


@pytest.fixture
def project() -> Project:
    owner = get_user_model().objects.create_user(username="owner", password="a-long-password-for-tests")
    return project_create(
        user=owner, name="Payments", slug="payments", visibility=Project.Visibility.PRIVATE, default_branch="main"
    )


@pytest.fixture
def token(project: Project, monkeypatch: pytest.MonkeyPatch) -> str:
    """A viewer's token with analyses:write, in DOCKWRIGHT_TOKEN."""
    viewer = get_user_model().objects.create_user(username="dev", password="a-long-password-for-tests")
    membership_add(project=project, username=viewer.username, role=Role.VIEWER)
    _, secret = api_token_create(user=viewer, name="laptop", scopes=["analyses:write"], days=1)
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", secret)
    return secret


def save_policy(project: Project, config: dict[str, Any]) -> None:
    project_policy_save(project=project, config=config, user=get_user_model().objects.get(username="owner"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["lint", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def both(live_server: Any, capsys: pytest.CaptureFixture[str], repository: Path, *argv: str) -> tuple[Any, Any]:
    """The run on the server (the project's policy; no config file) and the local run (the policy as its
    .dockwright.yaml)."""
    config = repository / ".dockwright.yaml"
    config.unlink(missing_ok=True)
    remote = run(capsys, "--server", live_server.url, "--project", "payments", *argv)
    config.write_text(yaml.safe_dump(POLICY))
    local = run(capsys, *argv)
    config.unlink()
    return remote, local


@pytest.mark.parametrize("output", ["text", "json", "sarif", "github", "gitlab", "checkstyle", "junit", "sonarqube"])
def test_a_run_on_the_server_prints_and_exits_as_a_local_run_with_the_policy(
    live_server, capsys, repository, project, token, output
) -> None:
    save_policy(project, POLICY)

    remote, local = both(live_server, capsys, repository, "--format", output, ".")

    assert remote == local
    code, out, err = remote
    assert code == 1 and out
    assert "skipped ./k8s/compose.yaml: not a Compose file" in err  # the same note as a local run's
    assert not Scan.objects.exists() and not Analysis.objects.exists()


def test_the_policy_decides_the_findings_and_the_exit_status(live_server, capsys, repository, project, token) -> None:
    save_policy(project, {"failure_threshold": "error", "ignore": ["SC1017", "context-without-dockerignore"]})

    code, out, _ = run(capsys, "--server", live_server.url, "--project", "payments", "images", "parity")
    without, plain_out, _ = run(capsys, "images", "parity")

    assert code == 0 and without == 1  # nothing is an error under the project's policy; a local run fails
    assert " DF121 " in plain_out and " DF121 " not in out
    assert "SC1017" in plain_out and "SC1017" not in out


@pytest.mark.parametrize(
    "argv",
    [
        ["app/compose.yaml"],  # its Dockerfiles, its .env and env_file go up in further rounds, as the server asks
        ["--lang", "zh-Hans", "app", "ci", "bake"],
        ["--ignore", "DL3015", "--enable", "DF006", "--failure-threshold", "error", "stacks", "app/api/Dockerfile"],
        ["--no-shellcheck", "--disable-ignore-pragma", "--kind", "dockerfile", "parity/crlf.Dockerfile"],
        ["--failure-threshold", "none", "."],
        ["--no-fail", "--format", "json", "images"],
        ["--build-arg", "BASE=python:latest", "--target", "nope", "bake"],
    ],
)
def test_the_command_line_goes_over_the_policy_as_over_a_config(
    live_server, capsys, repository, project, token, argv
) -> None:
    save_policy(project, POLICY)

    remote, local = both(live_server, capsys, repository, *argv)

    assert remote == local


def test_a_compose_file_named_alone_is_analysed_with_the_files_it_reads(
    live_server, capsys, repository, project, token
) -> None:
    code, out, err = run(capsys, "--server", live_server.url, "--project", "payments", "app/compose.yaml")

    assert code == 1, err
    # The ADD of a URL is in the Dockerfile the compose file builds: the server had it, though not named.
    assert "app/compose.yaml" in out and "DF118" in out


def test_a_run_that_finds_no_file_still_asks_the_server(live_server, capsys, repository, project, monkeypatch) -> None:
    (repository / "empty").mkdir()
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", "dw_" + "x" * 64)

    code, out, err = run(capsys, "--server", live_server.url, "--project", "payments", "empty")

    assert (code, out) == (2, "")
    assert "Invalid token" in err


@pytest.fixture
def failing_server() -> Iterator[str]:
    """An HTTP server that answers every POST with 502 and an HTML page, as a proxy whose upstream is down does."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = b"<html><body>\n<h1>502 Bad Gateway</h1>\n</body></html>"
            self.send_response(502)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def test_a_server_that_cannot_answer_is_exit_2_with_one_line_and_no_local_run(
    live_server, capsys, repository, project, token, failing_server, silent_server, monkeypatch
) -> None:
    monkeypatch.setattr(server_client, "REQUEST_TIMEOUT_SECONDS", 0.5)
    cases = {
        "refused": ([f"http://127.0.0.1:{_closed_port()}", "payments"], "cannot reach the Dockwright server"),
        "timeout": ([silent_server, "payments"], "timed out"),
        "5xx": ([failing_server, "payments"], "the server failed the analysis (502): Bad Gateway"),
        "unknown project": ([live_server.url, "elsewhere"], "the server refused the analysis (404): no project"),
    }
    for name, ((url, slug), message) in cases.items():
        code, out, err = run(capsys, "--server", url, "--project", slug, "app")

        assert (code, out) == (2, ""), name
        assert message in err, (name, err)
        assert err.count("\n") == 1 and err.startswith("dockwright: "), (name, err)


def test_a_missing_or_refused_token_is_exit_2(live_server, capsys, repository, project, token, monkeypatch) -> None:
    monkeypatch.delenv("DOCKWRIGHT_TOKEN")
    missing = run(capsys, "--server", live_server.url, "--project", "payments", "app")
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", "dw_" + "x" * 64)
    refused = run(capsys, "--server", live_server.url, "--project", "payments", "app")

    assert missing[:2] == (2, "") and "--server needs an API token in DOCKWRIGHT_TOKEN" in missing[2]
    assert refused[:2] == (2, "") and "refused the analysis (403): Invalid token." in refused[2]


def test_a_token_that_may_neither_analyse_nor_upload_is_refused(
    live_server, capsys, repository, project, monkeypatch
) -> None:
    maintainer = get_user_model().objects.create_user(username="ci-maker", password="a-long-password-for-tests")
    membership_add(project=project, username=maintainer.username, role=Role.MAINTAINER)
    _, secret = api_token_create(user=maintainer, name="ci", scopes=["read"], days=1, project=project)
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", secret)

    code, out, err = run(capsys, "--server", live_server.url, "--project", "payments", "app")

    assert (code, out) == (2, "")
    assert "lacks every one of the scopes ['analyses:write', 'scans:write']" in err


def test_a_ci_project_token_that_uploads_scans_may_lint_on_the_server(
    live_server, capsys, repository, project, monkeypatch
) -> None:
    maintainer = get_user_model().objects.create_user(username="ci-maker", password="a-long-password-for-tests")
    membership_add(project=project, username=maintainer.username, role=Role.MAINTAINER)
    _, secret = api_token_create(user=maintainer, name="ci", scopes=["scans:write"], days=1, project=project)
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", secret)

    save_policy(project, POLICY)

    remote, local = both(live_server, capsys, repository, "app")

    assert remote == local and remote[0] == 1
    assert not Scan.objects.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--server", "http://x", "."], "--server needs --project SLUG"),
        (["--project", "p", "."], "--project goes with --server"),
        (["--server", "ftp://x", "--project", "p", "."], "http:// or https://"),
        (["--server", "http://x", "--project", "p", "--fix", "."], "does not take --fix"),
        (["--server", "http://x", "--project", "p", "-f", "app/compose.yaml"], "does not take -f"),
        (["--server", "http://x", "--project", "p", "--config", "x.yaml", "."], "does not take --config"),
        (["--server", "http://x", "--project", "p", "-"], "does not take stdin"),
        (["--server", "http://x", "--project", "p", "../outside"], "outside the current folder"),
    ],
)
def test_misuse_is_exit_2(capsys, repository, monkeypatch, argv, message) -> None:
    monkeypatch.setenv("DOCKWRIGHT_TOKEN", "dw_whatever")
    (repository.parent / "outside").mkdir()
    (repository.parent / "outside" / "Dockerfile").write_text("FROM scratch\n")
    monkeypatch.setattr(server_client, "REQUEST_TIMEOUT_SECONDS", 0.5)

    code, out, err = run(capsys, *argv)

    assert (code, out) == (2, "")
    assert message in err
