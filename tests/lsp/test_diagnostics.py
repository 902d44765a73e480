"""Diagnostics as an editor receives them: on open and on change, exact UTF-16 ranges, severities, codes, links,
never of a version the editor no longer has."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from tests.lsp.conftest import Client

pytestmark = pytest.mark.asyncio


def by_code(diagnostics: list[types.Diagnostic]) -> dict[str, types.Diagnostic]:
    return {str(d.code): d for d in diagnostics}


async def test_diagnostics_of_an_opened_dockerfile_carry_rule_severity_and_link(
    client: Client, workspace: Path
) -> None:
    uri = client.open(workspace / "Dockerfile", "FROM python:latest\nRUN cd /app && make\n")

    found = by_code(await client.diagnostics_at(uri, 1))

    latest = found["DF003"]
    assert latest.range == types.Range(
        start=types.Position(line=0, character=5), end=types.Position(line=0, character=18)
    )
    assert latest.severity == types.DiagnosticSeverity.Warning
    assert latest.source == "dockwright"
    assert latest.code_description is not None
    assert latest.code_description.href == "https://rules.example/rules/DF003"
    cd = found["DF022"]
    assert cd.range.start == types.Position(line=1, character=4)
    assert cd.range.end == types.Position(line=1, character=6)


async def test_ranges_count_utf16_code_units_on_lines_with_emoji_and_accents(client: Client, workspace: Path) -> None:
    # "😀" is one character for the engine and two UTF-16 code units for the editor; "é" is one of each.
    text = 'FROM debian:12\nRUN echo "😀é" && cd /tmp\n'
    uri = client.open(workspace / "Dockerfile", text)

    cd = by_code(await client.diagnostics_at(uri, 1))["DF022"]

    line = text.splitlines()[1]
    utf16_column = len(line[: line.index("cd")].encode("utf-16-le")) // 2
    assert utf16_column == line.index("cd") + 1
    assert cd.range.start == types.Position(line=1, character=utf16_column)
    assert cd.range.end == types.Position(line=1, character=utf16_column + 2)


async def test_shellcheck_findings_show_their_code_and_link_to_shellchecks_wiki(
    client: Client, workspace: Path
) -> None:
    uri = client.open(workspace / "Dockerfile", "FROM debian:12\nARG archive\nRUN tar -xf $archive\n")

    found = by_code(await client.diagnostics_at(uri, 1))

    quoting = found["SC2086"]
    assert quoting.message.startswith("SC2086:")
    assert quoting.code_description is not None
    assert quoting.code_description.href == "https://www.shellcheck.net/wiki/SC2086"
    assert quoting.data == {"rule": "DF100"}
    assert quoting.range.start == types.Position(line=2, character=12)


async def test_severities_map_to_the_protocols(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "Dockerfile", "from debian:12\nMAINTAINER someone\nEXPOSE 80800\n")

    severities = {str(d.code): d.severity for d in await client.diagnostics_at(uri, 1)}

    assert severities["DF029"] == types.DiagnosticSeverity.Error  # an invalid port
    assert severities["DF005"] == types.DiagnosticSeverity.Warning  # no USER
    assert severities["DF020"] == types.DiagnosticSeverity.Information  # MAINTAINER is deprecated
    assert severities["DF103"] == types.DiagnosticSeverity.Hint  # style: `from` in lower case


async def test_a_change_is_analysed_after_a_pause_and_published_with_its_version(
    client: Client, workspace: Path
) -> None:
    uri = client.open(workspace / "Dockerfile", "FROM python:latest\n")
    assert "DF003" in by_code(await client.diagnostics_at(uri, 1))

    client.replace(uri, "FROM python:3.13-slim\n", version=2)

    assert "DF003" not in by_code(await client.diagnostics_at(uri, 2))


async def test_diagnostics_of_an_outdated_version_are_never_published(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "Dockerfile", "FROM python:latest\nRUN cd /app\n")
    for version in range(2, 12):
        client.replace(uri, f"FROM python:latest\nRUN cd /app{version}\n", version=version)

    await client.diagnostics_at(uri, 11)

    versions = [item.version for item in client.recorder.published if item.uri == uri]
    assert versions == sorted(versions)
    assert set(versions) <= {1, 11}


async def test_closing_a_document_clears_its_diagnostics(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "Dockerfile", "FROM python:latest\n")
    await client.diagnostics_at(uri, 1)

    since = client.publications
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )

    assert await client.diagnostics_at(uri, since=since) == []


async def test_compose_files_are_linted_and_other_yaml_files_are_not(client: Client, workspace: Path) -> None:
    compose = client.open(workspace / "compose.yaml", "services:\n  db:\n    image: postgres:11\n", "yaml")
    other = client.open(workspace / "values.yaml", "services:\n  db:\n    image: postgres:11\n", "yaml")

    assert "DC034" in by_code(await client.diagnostics_at(compose, 1))  # postgres 11 is past its end of life
    assert not [item for item in client.recorder.published if item.uri == other]
