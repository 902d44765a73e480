"""The language server with a project's policy: `server` and `project` in its settings and the token in
DOCKWRIGHT_TOKEN in its environment make it fetch the policy from a live Dockwright server (pytest-django's
live_server) at start and on didChangeConfiguration, and lint with it locally in place of the workspace's config
files. A server that cannot be reached, does not answer, or refuses is said in a message, and linting goes on with
the local configuration; typing never waits for the network."""

from __future__ import annotations

import asyncio
import os
import socket
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from django.contrib.auth import get_user_model
from lsprotocol import types
from pytest_lsp import ClientServerConfig

from projects.models import Project, Role
from projects.services import membership_add, project_create, project_policy_save
from tests.cli.test_upload import _closed_port
from tests.lsp.conftest import SCRIPT, TIMEOUT, Client, initialize_params, make_client
from tokens.services import api_token_create

pytestmark = [pytest.mark.asyncio, pytest.mark.django_db(transaction=True)]

TEXT = "FROM python:latest\nRUN pip install flask\n"
POLICY = {"ignore": ["DF003"], "severity": {"DF005": "error"}}


@pytest.fixture
def project() -> Project:
    owner = get_user_model().objects.create_user(username="owner", password="a-long-password-for-tests")
    project = project_create(
        user=owner, name="Payments", slug="payments", visibility=Project.Visibility.PRIVATE, default_branch="main"
    )
    project_policy_save(project=project, config=POLICY, user=owner)
    return project


@pytest.fixture
def token(project: Project) -> str:
    """A viewer's token that reads."""
    viewer = get_user_model().objects.create_user(username="dev", password="a-long-password-for-tests")
    membership_add(project=project, username=viewer.username, role=Role.VIEWER)
    return api_token_create(user=viewer, name="editor", scopes=["read"], days=1)[1]


@pytest.fixture
def workspace_with_config(workspace: Path) -> Path:
    (workspace / ".dockwright.yaml").write_text("ignore: [DF005]\n")
    return workspace


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A server that accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


Start = Callable[..., Any]


@pytest_asyncio.fixture
async def start(workspace_with_config: Path) -> AsyncIterator[Start]:
    """Starts `dockwright lsp` with the given DOCKWRIGHT_TOKEN (None: without one) and initialization options."""
    clients: list[Client] = []

    async def starter(token: str | None, options: dict[str, Any]) -> Client:
        env = {key: value for key, value in os.environ.items() if key != "DOCKWRIGHT_TOKEN"}
        if token is not None:
            env["DOCKWRIGHT_TOKEN"] = token
        config = ClientServerConfig(server_command=[str(SCRIPT), "lsp"], client_factory=make_client, server_env=env)
        client = await config.start()
        assert isinstance(client, Client)
        clients.append(client)
        await client.initialize_session(initialize_params(workspace_with_config, options))
        return client

    yield starter
    for client in clients:
        await client.shutdown_session()
        await client.stop()


def codes(diagnostics: list[types.Diagnostic]) -> dict[str, types.DiagnosticSeverity | None]:
    return {str(d.code): d.severity for d in diagnostics}


async def until(client: Client, what: Callable[[], Any], timeout: float = TIMEOUT) -> Any:
    """``what()`` once it is truthy, checking as the client receives messages."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = what()
        if found:
            return found
        await asyncio.sleep(0.05)
    raise AssertionError(f"not within {timeout} s: {client.recorder.published}, {client.messages}")


def latest(client: Client, uri: str) -> dict[str, types.DiagnosticSeverity | None] | None:
    published = [item for item in client.recorder.published if item.uri == uri]
    return codes(published[-1].diagnostics) if published else None


def warnings(client: Client) -> list[str]:
    return [m.message for m in client.messages if m.type == types.MessageType.Warning]


async def test_documents_are_linted_with_the_projects_policy_in_place_of_the_workspace_config(
    start: Start, live_server: Any, token: str, workspace_with_config: Path
) -> None:
    client = await start(token, {"server": live_server.url, "project": "payments"})
    uri = client.open(workspace_with_config / "Dockerfile", TEXT)

    found = await until(client, lambda: (c := latest(client, uri)) is not None and "DF003" not in c and c)

    assert found["DF005"] == types.DiagnosticSeverity.Error  # the policy's severity; the workspace ignores DF005
    assert any("linting with the policy of project 'payments'" in m.message for m in client.log_messages)
    assert not warnings(client)


async def test_the_policy_is_fetched_again_when_the_settings_change_and_dropped_without_them(
    start: Start, live_server: Any, token: str, project: Project, workspace_with_config: Path, monkeypatch
) -> None:
    client = await start(token, {"server": live_server.url, "project": "payments"})
    uri = client.open(workspace_with_config / "Dockerfile", TEXT)
    await until(client, lambda: (c := latest(client, uri)) is not None and "DF003" not in c)
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the test's own ORM call, on the event loop's thread
    owner = get_user_model().objects.get(username="owner")
    project_policy_save(project=project, config={"ignore": ["DF005"]}, user=owner)

    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"dockwright": {"server": live_server.url, "project": "payments"}})
    )
    changed = await until(client, lambda: (c := latest(client, uri)) is not None and "DF003" in c and c)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"dockwright": {"server": None, "project": None}})
    )
    since = client.publications
    local = await until(client, lambda: client.publications > since and latest(client, uri))

    assert "DF005" not in changed  # the project now ignores DF005 and no longer DF003
    assert "DF003" in local and "DF005" not in local  # the workspace's config again
    assert not warnings(client)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("refused", "cannot reach the Dockwright server"),
        ("no token", "needs an API token in DOCKWRIGHT_TOKEN"),
        ("bad token", "(403): Invalid token."),
        ("not a member", "(404): no project 'elsewhere'"),
    ],
)
async def test_a_policy_that_cannot_be_had_is_said_and_the_local_config_applies(
    start: Start, live_server: Any, token: str, workspace_with_config: Path, case: str, message: str
) -> None:
    server, slug, secret = live_server.url, "payments", token
    if case == "refused":
        server = f"http://127.0.0.1:{_closed_port()}"
    elif case == "no token":
        secret = None
    elif case == "bad token":
        secret = "dw_" + "x" * 64
    else:
        slug = "elsewhere"
    client = await start(secret, {"server": server, "project": slug})
    uri = client.open(workspace_with_config / "Dockerfile", TEXT)

    (said,) = await until(client, lambda: warnings(client))
    local = await until(client, lambda: latest(client, uri))

    assert message in said and said.startswith("Dockwright: cannot use the policy of project")
    assert said.endswith("linting with the local configuration")
    assert "DF003" in local and "DF005" not in local


async def test_typing_does_not_wait_for_a_server_that_does_not_answer(
    start: Start, silent_server: str, token: str, workspace_with_config: Path
) -> None:
    client = await start(token, {"server": silent_server, "project": "payments"})
    opened = time.monotonic()
    uri = client.open(workspace_with_config / "Dockerfile", TEXT)

    first = await client.diagnostics_at(uri, 1)
    first_after = time.monotonic() - opened
    client.replace(uri, TEXT + "USER app\n", 2)
    await client.diagnostics_at(uri, 2)
    (said,) = await until(client, lambda: warnings(client), timeout=TIMEOUT)

    # The fetch waits up to 10 s for the silent server; the analyses never did.
    assert first_after < 5, first_after
    assert "DF003" in codes(first) and "timed out" in said
