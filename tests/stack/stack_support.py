"""Running the real start.sh (gunicorn + Debian's Nginx) natively, and talking HTTP to it.

Only paths and ports differ from the image: everything else (start.sh, nginx/app.conf, the snippets,
docker/gunicorn.conf.py) is the very file the image runs.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = REPO / ".venv" / "bin"
START_SH = REPO / "start.sh"
SPA_BUILD = REPO / "frontend" / "dist"
IN_CI = os.environ.get("CI", "").lower() == "true"
# A role that may create and drop databases; the fixtures make one per stack and per backup test.
ADMIN_URL = os.environ.get("STACK_POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")

# A Dockerfile small enough to lint fast and sure to produce at least one finding once rules exist.
DOCKERFILE = 'FROM python:latest\nRUN apt-get update && apt-get install -y curl\nCMD ["python", "-m", "http.server"]\n'


def require(condition: object, reason: str) -> None:
    """Skip with ``reason`` when ``condition`` is false, or fail in CI, where every stack test must run."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


def tool(name: str, *fallbacks: str) -> str:
    """Path of a command-line tool, from PATH or a known location; skip or fail (CI) when it is missing."""
    found = shutil.which(name) or next((path for path in fallbacks if os.access(path, os.X_OK)), None)
    require(found, f"`{name}` is not installed (the CI installs it: see docs/OPERATIONS.md)")
    assert found is not None
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stack_dir() -> Path:
    """A fresh directory other users can read: Nginx's workers run as nobody when the tests run as root, and
    pytest's own temp dirs are 0700."""
    path = Path(tempfile.mkdtemp(prefix="dockwright-stack-"))
    path.chmod(0o755)
    return path


def app_environment() -> dict[str, str]:
    """This process's environment without pytest's marker, so Django runs with its production rules."""
    return {key: value for key, value in os.environ.items() if key not in ("PYTEST_VERSION", "PYTEST_CURRENT_TEST")}


def production_settings(*, database_url: str, redis_url: str, data_dir: Path) -> dict[str, str]:
    return {
        "DJANGO_ENV": "production",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "stack-test-" + os.urandom(24).hex(),
        # dockwright.test: a name that is neither localhost nor an IP, for the browser (test_proxy_api_docs.py).
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,dockwright.test",
        "DJANGO_LOG_FORMAT": "ecs",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DOCKWRIGHT_DATA_DIR": str(data_dir),
        # The tests post more analyses a minute than the default anonymous limit allows.
        "DOCKWRIGHT_RATE_LIMIT": "100000",
        "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(REPO / "backend"),
    }


def collect_static(target: Path, settings: dict[str, str]) -> None:
    env = {
        **app_environment(),
        **settings,
        "DJANGO_STATIC_ROOT": str(target),
        "DJANGO_SETTINGS_MODULE": "server.settings",
    }
    result = subprocess.run(
        [str(VENV_BIN / "python"), "-m", "django", "collectstatic", "--noinput"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def copy_spa(target: Path) -> Path:
    """A copy of the real SPA build (or, outside CI, a minimal stand-in), plus a precompressed probe file.

    The probe's .gz holds different text from its .js, so a test can tell gzip_static served the file on disk
    rather than Nginx compressing on the fly.
    """
    if (SPA_BUILD / "index.html").is_file():
        shutil.copytree(SPA_BUILD, target)
    else:
        require(False, "frontend/dist is not built (run `npm ci && npm run build` in frontend/)")
    probe = target / "assets" / "stack-probe-0123abcd.js"
    probe.write_text("console.log('plain file');\n" * 200)
    probe.with_name(probe.name + ".gz").write_bytes(gzip.compress(b"console.log('precompressed file');\n" * 200))
    return target


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    def all(self, name: str) -> list[str]:
        return self.headers.get_all(name) or []

    def json(self) -> Any:
        return json.loads(self.body)


def request(
    port: int,
    method: str,
    path: str,
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 30,
) -> Response:
    """One HTTP request with nothing done behind our back (no redirects followed, no decompression)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def raw_request(port: int, data: bytes, *, timeout: float = 30) -> Response:
    """Bytes written to the socket as they are, for requests http.client refuses to send (a bare control
    character, a non-ASCII path, an oversized request line); the answer is parsed as usual."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        response = http.client.HTTPResponse(sock)
        response.begin()
        return Response(response.status, response.headers, response.read())


def post_json(port: int, path: str, payload: Any, headers: dict[str, str] | None = None) -> Response:
    return request(
        port,
        "POST",
        path,
        body=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json", "X-Forwarded-Proto": "https", **(headers or {})},
    )


@dataclass
class Stack:
    """A running start.sh: Nginx on ``port``, its metrics server on ``metrics_port``."""

    process: subprocess.Popen[bytes]
    port: int
    metrics_port: int
    run_dir: Path
    log_path: Path
    spa_root: Path
    static_root: Path
    env: dict[str, str] = field(repr=False)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def access_log(self) -> list[dict[str, Any]]:
        path = self.run_dir / "access.log"
        return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]

    def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 60) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=timeout)
        finally:
            self.kill_leftovers()

    def kill_leftovers(self) -> None:
        """start.sh runs in its own session; whatever is left of it (after a failed test) goes with it."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        if self.process.poll() is None:
            self.process.wait(timeout=10)


def start_stack(
    base: Path,
    *,
    settings: dict[str, str],
    static_root: Path,
    extra: dict[str, str] | None = None,
    wait_for_app: bool = True,
) -> Stack:
    """Start start.sh with the given settings and wait until /health answers through Nginx (or, without
    ``wait_for_app``, until Nginx serves the SPA, whatever gunicorn is doing)."""
    nginx = tool("nginx", "/usr/sbin/nginx")
    tool("envsubst")
    base.mkdir(parents=True, exist_ok=True)
    spa_root = copy_spa(base / "spa")
    run_dir = base / "run"
    port, metrics_port, gunicorn_port = free_port(), free_port(), free_port()
    env = {
        **app_environment(),
        **settings,
        "NGINX": nginx,
        "NGINX_PORT": str(port),
        "NGINX_METRICS_PORT": str(metrics_port),
        "NGINX_RUN_DIR": str(run_dir),
        "NGINX_ACCESS_LOG": str(run_dir / "access.log"),
        "NGINX_WORKER_PROCESSES": "2",
        "GUNICORN_BIND": f"127.0.0.1:{gunicorn_port}",
        "WEB_CONCURRENCY": "2",
        "DOCKWRIGHT_SPA_DIR": str(spa_root),
        "DJANGO_STATIC_ROOT": str(static_root),
        "PROMETHEUS_MULTIPROC_DIR": str(base / "prometheus"),
        "RUN_MIGRATIONS": "1",
        "DB_WAIT_TIMEOUT": "20",
        **(extra or {}),
    }
    log_path = base / "start.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            ["bash", str(START_SH)], env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
    stack = Stack(process, port, metrics_port, run_dir, log_path, spa_root, static_root, env)
    probe = "/health" if wait_for_app else "/"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"start.sh exited with {process.returncode} before serving:\n{stack.log()}")
        try:
            if request(port, "GET", probe, timeout=2).status == 200:
                return stack
        except OSError:
            pass
        time.sleep(0.2)
    stack.kill_leftovers()
    raise AssertionError(f"start.sh did not answer {probe} within 90 s:\n{stack.log()}")
