"""Repository archives through the shipped Nginx and the TLS edge: the archive upload location takes what Django
accepts (DOCKWRIGHT_ARCHIVE_MAX_BYTES plus the 64 KiB multipart envelope), so Django, not Nginx, answers every
archive within that; a larger body gets Nginx's JSON 413 naming that limit before it is read; every other location
keeps its 1m; and archive uploads in progress at once on a replica are bounded (429 with Retry-After), since each is
held in /tmp."""

from __future__ import annotations

import contextlib
import io
import json
import os
import socket
import ssl
import subprocess
import tarfile
import time
from collections.abc import Iterator

import pytest

from tests.stack.edge_support import ARCHIVE_MAX_BODY_SIZE, Edge, https_request
from tests.stack.stack_support import REPO, START_SH, Response, Stack, raw_request, request

pytestmark = pytest.mark.stack

LIMIT = int(ARCHIVE_MAX_BODY_SIZE)  # start.sh's derivation from the default DOCKWRIGHT_ARCHIVE_MAX_BYTES
ARCHIVE_MAX_BYTES = 20 * 1024 * 1024
SLUG = "archive-limits"
PATH = f"/api/v1/projects/{SLUG}/scans/archive"
BOUNDARY = "dockwright-stack-boundary"
HTTPS = {"X-Forwarded-Proto": "https"}

MAKE_TOKEN = f"""
from django.contrib.auth import get_user_model
from projects.services import project_create
from tokens.services import api_token_create
owner = get_user_model().objects.create_user(username="archive-limits", password="a-long-password-for-tests")
project = project_create(user=owner, name="Archive limits", slug="{SLUG}", visibility="private", default_branch="main")
print(api_token_create(user=owner, name="ci", scopes=["read", "scans:write"], days=1, project=project)[1])
"""


@pytest.fixture(scope="module")
def token(stack: Stack) -> str:
    """A project and its CI token in the stack's database, made through the same manage.py operators run."""
    made = subprocess.run(
        ["bash", str(START_SH), "manage", "shell", "-c", MAKE_TOKEN],
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert made.returncode == 0, made.stderr
    return made.stdout.strip().splitlines()[-1]


def _archive(padding: int) -> bytes:
    """A .tar.gz with a Dockerfile and ``padding`` random (incompressible) bytes in a file the scan skips."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz", compresslevel=1) as archive:
        for name, data in ((b"Dockerfile", b"FROM python:latest\n"), (b"blob.bin", os.urandom(padding))):
            info = tarfile.TarInfo(name.decode())
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _multipart(archive: bytes) -> bytes:
    head = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="branch"\r\n\r\nmain\r\n'
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="archive"; filename="repo.tar.gz"\r\n'
        "Content-Type: application/gzip\r\n\r\n"
    ).encode()
    return head + archive + f"\r\n--{BOUNDARY}--\r\n".encode()


def _headers(token: str, length: int, path: str = PATH) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
        f"X-Forwarded-Proto: https\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\n"
        f"Content-Length: {length}\r\nConnection: close\r\n\r\n"
    ).encode()


def _upload(port: int, token: str, body: bytes) -> Response:
    return request(
        port,
        "POST",
        PATH,
        body=body,
        headers={
            **HTTPS,
            "Authorization": f"Bearer {token}",
            "Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
        },
        timeout=60,
    )


def test_an_archive_larger_than_the_general_limit_reaches_django_and_is_scanned(stack: Stack, token: str) -> None:
    body = _multipart(_archive(3 * 1024 * 1024))
    assert len(body) > 1024 * 1024  # over every other location's 1m

    response = _upload(stack.port, token, body)

    assert response.status == 202, response.body
    assert response.json()["files_found"] == 1  # the Dockerfile; the padding is skipped unread


def test_at_the_limit_django_decides_and_one_byte_over_nginx_refuses_with_json(stack: Stack, token: str) -> None:
    # An archive body a little over Django's limit in a request exactly at Nginx's: Nginx passes it on, and the
    # answer is Django's own 413 with the archive's size.
    archive = os.urandom(LIMIT - len(_multipart(b"")))
    assert len(archive) > ARCHIVE_MAX_BYTES
    at_limit = _upload(stack.port, token, _multipart(archive))
    assert at_limit.status == 413
    assert at_limit.json()["message"] == f"the archive is {len(archive)} bytes; the limit is {ARCHIVE_MAX_BYTES} bytes"

    # One byte more is refused from the Content-Length alone, before Nginx reads the body.
    over = raw_request(stack.port, _headers(token, LIMIT + 1))

    assert over.status == 413
    assert over.json() == {"message": f"request body too large (limit {LIMIT})", "details": None}


def test_every_other_location_keeps_its_1m(stack: Stack, token: str) -> None:
    for path in (f"/api/v1/projects/{SLUG}/scans", f"{PATH}/", "/api/v1/analyses"):
        refused = raw_request(stack.port, _headers(token, 2 * 1024 * 1024, path))
        assert refused.status == 413, path
        assert refused.json() == {"message": "request body too large (limit 1m)", "details": None}


def test_uploads_in_progress_at_once_are_bounded_with_a_json_429(stack: Stack, token: str) -> None:
    body = _multipart(_archive(1024))
    with contextlib.ExitStack() as held:
        # Two uploads (NGINX_ARCHIVE_UPLOADS) whose clients are still sending.
        for _ in range(2):
            sock = held.enter_context(socket.create_connection(("127.0.0.1", stack.port), timeout=30))
            sock.sendall(_headers(token, 5 * 1024 * 1024) + b"x" * 1024)
        time.sleep(0.5)  # both past the connection limit's check, Nginx now reading their bodies

        third = _upload(stack.port, token, body)

        assert third.status == 429
        assert third.json() == {"message": "too many uploads in progress, retry shortly", "details": None}
        assert third.header("Retry-After") == "5"
    deadline = time.monotonic() + 10
    after = _upload(stack.port, token, body)
    while after.status == 429 and time.monotonic() < deadline:  # until Nginx has seen the two clients go
        time.sleep(0.2)
        after = _upload(stack.port, token, body)
    assert after.status == 202, after.body


@contextlib.contextmanager
def _tls(edge: Edge) -> Iterator[ssl.SSLSocket]:
    context = ssl.create_default_context(cafile=str(edge.certificate))
    with (
        socket.create_connection(("127.0.0.1", edge.https_port), timeout=30) as plain,
        context.wrap_socket(plain, server_hostname="localhost") as sock,
    ):
        yield sock


def test_the_edge_passes_archives_within_the_limit_and_refuses_larger_ones_itself(
    running_edge: Edge, stack: Stack, token: str
) -> None:
    body = _multipart(_archive(2 * 1024 * 1024))
    accepted = https_request(
        running_edge,
        "POST",
        PATH,
        body=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
    )
    assert accepted.status == 202, accepted.body

    with _tls(running_edge) as sock:
        sock.sendall(_headers(token, LIMIT + 1).replace(b"Host: 127.0.0.1", b"Host: localhost"))
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, payload = answer.partition(b"\r\n\r\n")
    assert head.split(b" ", 2)[1] == b"413", head
    assert json.loads(payload) == {"message": f"request body too large (limit {LIMIT})", "details": None}


def test_every_file_agrees_on_the_archive_limit() -> None:
    """The API's slack for the envelope, start.sh's derivation, .env.example and the edge's compose default."""
    api = (REPO / "backend" / "scans" / "apis.py").read_text()
    start = (REPO / "start.sh").read_text()
    env = (REPO / ".env.example").read_text()
    compose = (REPO / "docker-compose.prod.yml").read_text()
    assert "declared > limit + 64 * 1024" in api
    assert "${DOCKWRIGHT_ARCHIVE_MAX_BYTES:-20971520} + 65536" in start
    assert f"\nDOCKWRIGHT_ARCHIVE_MAX_BYTES={ARCHIVE_MAX_BYTES}\n" in env
    assert f"\nNGINX_ARCHIVE_MAX_BODY_SIZE={LIMIT}\n" in env
    assert f"EDGE_ARCHIVE_MAX_BODY_SIZE: ${{NGINX_ARCHIVE_MAX_BODY_SIZE:-{LIMIT}}}" in compose
    assert f"DOCKWRIGHT_ARCHIVE_MAX_BYTES: ${{DOCKWRIGHT_ARCHIVE_MAX_BYTES:-{ARCHIVE_MAX_BYTES}}}" in compose
