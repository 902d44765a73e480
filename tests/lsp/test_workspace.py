"""What the workspace brings: its config files (reloaded when they change), its .dockerignore, the editor's
settings; and a pathological file that holds up no other."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.conftest import Client

pytestmark = pytest.mark.asyncio


def codes(diagnostics: list[types.Diagnostic]) -> set[str]:
    return {str(d.code) for d in diagnostics}


def watched_change(client: Client, path: Path, change: types.FileChangeType) -> None:
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=client.uri(path), type=change)])
    )


async def test_the_server_asks_to_watch_config_and_ignore_files(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "Dockerfile", "FROM python:latest\n")
    await client.diagnostics_at(uri, 1)

    registration = next(r for r in client.recorder.registrations if r.method == "workspace/didChangeWatchedFiles")

    options = registration.register_options
    assert isinstance(options, dict)
    assert {w["globPattern"] for w in options["watchers"]} >= {
        "**/.dockwright.{yaml,yml}",
        "**/.hadolint.{yaml,yml}",
        "**/.dclintrc",
        "**/.dockerignore",
    }


async def test_the_workspace_config_is_used_and_reloaded_when_it_changes(client: Client, workspace: Path) -> None:
    config = workspace / ".dockwright.yaml"
    config.write_text("ignore: [DF003]\n")
    (workspace / "app").mkdir()
    uri = client.open(workspace / "app" / "Dockerfile", "FROM python:latest\n")
    assert "DF003" not in codes(await client.diagnostics_at(uri, 1))

    config.write_text("ignore: [DF005]\n")
    since = client.publications
    watched_change(client, config, types.FileChangeType.Changed)

    reloaded = codes(await client.diagnostics_at(uri, since=since))
    assert "DF003" in reloaded and "DF005" not in reloaded


async def test_a_hadolint_config_is_read_with_hadolints_ids(client: Client, workspace: Path) -> None:
    (workspace / ".hadolint.yaml").write_text("ignored: [DL3007]\n")
    uri = client.open(workspace / "Dockerfile", "FROM python:latest\n")

    assert "DF003" not in codes(await client.diagnostics_at(uri, 1))


async def test_a_dclintrc_is_read_with_the_hadolint_config_and_reloaded(client: Client, workspace: Path) -> None:
    # As in the CLI: without a .dockwright.yaml, a folder's .hadolint.yaml and .dclintrc apply together.
    (workspace / ".hadolint.yaml").write_text("ignored: [DL3007]\n")
    dclintrc = workspace / ".dclintrc"
    dclintrc.write_text('{"rules": {"no-version-field": 0}}\n')
    compose = client.open(workspace / "compose.yaml", 'version: "3.8"\nservices:\n  web:\n    image: nginx:1.27\n')
    assert "DC011" not in codes(await client.diagnostics_at(compose, 1))

    dclintrc.write_text('{"rules": {}}\n')
    since = client.publications
    watched_change(client, dclintrc, types.FileChangeType.Changed)
    assert "DC011" in codes(await client.diagnostics_at(compose, since=since))

    dockerfile = client.open(workspace / "Dockerfile", "FROM python:latest\n")
    assert "DF003" not in codes(await client.diagnostics_at(dockerfile, 1))


async def test_an_invalid_config_is_reported_and_the_defaults_apply(client: Client, workspace: Path) -> None:
    (workspace / ".dockwright.yaml").write_text("ignore: [DF003]\nno_such_key: 1\n")
    uri = client.open(workspace / "Dockerfile", "FROM python:latest\n")

    assert "DF003" in codes(await client.diagnostics_at(uri, 1))
    assert any("no_such_key" in message.message for message in client.messages)


async def test_the_dockerignore_beside_the_dockerfile_is_honoured(client: Client, workspace: Path) -> None:
    (workspace / ".dockerignore").write_text("secrets.env\n")
    uri = client.open(workspace / "Dockerfile", "FROM python:3.13-slim\nCOPY secrets.env /app/\n")

    found = {str(d.code): d for d in await client.diagnostics_at(uri, 1)}

    assert "`secrets.env` is excluded by `secrets.env` (.dockerignore line 1)" in found["DF107"].message


async def test_the_rules_base_url_follows_the_editors_settings(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "Dockerfile", "FROM python:latest\n")
    await client.diagnostics_at(uri, 1)

    since = client.publications
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"dockwright": {"rulesBaseUrl": "https://lint.internal/"}})
    )

    diagnostics = await client.diagnostics_at(uri, since=since)
    latest = next(d for d in diagnostics if d.code == "DF003")
    assert latest.code_description is not None
    assert latest.code_description.href == "https://lint.internal/rules/DF003"


async def test_a_pathological_file_does_not_hold_up_another(client: Client, workspace: Path) -> None:
    # 12,000 findings: seconds of work, every one of them within the engine's budget.
    slow = client.open(workspace / "Slow.Dockerfile", "FROM python:latest\n" * 12_000)
    await asyncio.sleep(0.2)
    quick = client.open(workspace / "Dockerfile", "FROM python:latest\n")

    await client.diagnostics_at(quick, 1, timeout=5)

    assert not [item for item in client.recorder.published if item.uri == slow]
    assert "DF003" in codes(await client.diagnostics_at(slow, 1, timeout=60))
