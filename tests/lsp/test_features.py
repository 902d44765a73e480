"""Code actions, hovers, definitions and symbols, asked for as an editor asks for them."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.fixes import apply_fixes
from dockwright.lint import lint
from tests.lsp.conftest import Client

pytestmark = pytest.mark.asyncio

MULTI_STAGE = (
    "ARG BASE=python:3.8-slim\n"  # 1
    "FROM ${BASE} AS build\n"  # 2
    "ARG VERSION=1.2\n"  # 3
    "ENV APP_HOME=/srv/app\n"  # 4
    "RUN echo ${VERSION} $APP_HOME\n"  # 5
    "\n"  # 6
    "FROM build AS test\n"  # 7
    "COPY --from=build /srv /srv\n"  # 8
    "RUN --mount=type=cache,from=build,target=/x echo hi\n"  # 9
)


def at(line: int, character: int) -> types.Position:
    """A 0-based protocol position from the 1-based line and 0-based character of the texts above."""
    return types.Position(line=line - 1, character=character)


def apply(text: str, edit: types.WorkspaceEdit) -> str:
    """A client applying the edit: through the engine's own edit code, positions converted back (ASCII text)."""
    changes = edit.document_changes or []
    edits = [e for change in changes if isinstance(change, types.TextDocumentEdit) for e in change.edits]
    spans = [
        Edit(
            Span(e.range.start.line + 1, e.range.start.character + 1, e.range.end.line + 1, e.range.end.character + 1),
            e.new_text,
        )
        for e in edits
    ]
    fixed, count = apply_fixes(text, [Finding("X", Severity.INFO, "", spans[0].span, Fix("t", tuple(spans), True))])
    assert count == 1
    return fixed


async def code_actions(
    client: Client, uri: str, line: int, character: int, only: list[str] | None = None
) -> list[types.CodeAction]:
    result = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=at(line, character), end=at(line, character)),
            context=types.CodeActionContext(diagnostics=[], only=only),
        )
    )
    return [action for action in result or [] if isinstance(action, types.CodeAction)]


async def hover_text(client: Client, uri: str, line: int, character: int) -> str:
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at(line, character))
    )
    assert result is not None
    assert isinstance(result.contents, types.MarkupContent)
    return result.contents.value


async def definition(client: Client, uri: str, line: int, character: int) -> list[types.Location]:
    result = await client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=at(line, character))
    )
    return [item for item in result or [] if isinstance(item, types.Location)]


# --- code actions ------------------------------------------------------------------------------------------


async def test_a_safe_fix_is_a_preferred_quick_fix_that_repairs_the_line(client: Client, workspace: Path) -> None:
    text = "FROM debian:12\nRUN apt-get update && apt-get install curl\n"
    uri = client.open(workspace / "Dockerfile", text)
    await client.diagnostics_at(uri, 1)

    actions = {action.title: action for action in await code_actions(client, uri, 2, 25)}

    fix = actions["Add `-y`"]
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.is_preferred is True
    assert fix.diagnostics and fix.diagnostics[0].code == "DF009"
    assert fix.edit is not None
    fixed = apply(text, fix.edit)
    assert fixed.startswith("FROM debian:12\nRUN apt-get update && apt-get install ") and " -y" in fixed
    assert "DF009" not in {f.rule for f in lint(fixed, kind="dockerfile").findings}


async def test_a_shellcheck_fix_is_offered_but_not_preferred(client: Client, workspace: Path) -> None:
    text = "FROM debian:12\nARG archive\nRUN tar -xf $archive\n"
    uri = client.open(workspace / "Dockerfile", text)
    await client.diagnostics_at(uri, 1)

    actions = {action.title: action for action in await code_actions(client, uri, 3, 14)}

    quote = actions["Apply ShellCheck's fix for SC2086"]
    assert not quote.is_preferred
    assert quote.edit is not None
    assert apply(text, quote.edit).endswith('RUN tar -xf "$archive"\n')
    assert "Ignore SC2086 for this instruction" in actions


async def test_ignoring_a_rule_here_and_in_the_file_inserts_pragmas_the_engine_honours(
    client: Client, workspace: Path
) -> None:
    text = "# syntax=docker/dockerfile:1\nFROM python:latest\nRUN cd /app\n"
    uri = client.open(workspace / "Dockerfile", text)
    await client.diagnostics_at(uri, 1)

    here = {action.title: action for action in await code_actions(client, uri, 3, 5)}[
        "Ignore DF022 for this instruction"
    ]
    assert here.edit is not None
    ignored_here = apply(text, here.edit)
    assert ignored_here == "# syntax=docker/dockerfile:1\nFROM python:latest\n# dockwright ignore=DF022\nRUN cd /app\n"
    whole = {action.title: action for action in await code_actions(client, uri, 2, 8)}["Ignore DF003 in this file"]
    assert whole.edit is not None
    assert apply(text, whole.edit).splitlines()[:2] == [
        "# syntax=docker/dockerfile:1",
        "# dockwright global ignore=DF003",
    ]

    client.replace(uri, ignored_here, version=2)
    assert "DF022" not in {d.code for d in await client.diagnostics_at(uri, 2)}


async def test_all_safe_fixes_are_one_source_action(client: Client, workspace: Path) -> None:
    text = "FROM debian:12\nRUN apt-get install curl\n"
    uri = client.open(workspace / "Dockerfile", text)
    await client.diagnostics_at(uri, 1)

    fix_all = [a for a in await code_actions(client, uri, 1, 0) if a.kind == "source.fixAll.dockwright"]

    assert len(fix_all) == 1
    assert fix_all[0].edit is not None
    engine_fixed = apply_fixes(text, lint(text, kind="dockerfile").findings)[0]
    assert engine_fixed != text
    assert apply(text, fix_all[0].edit) == engine_fixed
    only_fix_all = await code_actions(client, uri, 2, 5, only=["source.fixAll"])
    assert [a.kind for a in only_fix_all] == ["source.fixAll.dockwright"]
    only_quick_fixes = await code_actions(client, uri, 2, 5, only=["quickfix"])
    assert only_quick_fixes and {a.kind for a in only_quick_fixes} == {"quickfix"}


# --- hovers ------------------------------------------------------------------------------------------------


async def test_hover_on_a_finding_explains_its_rule(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "Dockerfile", "FROM python:latest\n")
    await client.diagnostics_at(uri, 1)

    text = await hover_text(client, uri, 1, 8)

    assert "**Base image uses the `latest` tag**" in text or "DF003" in text
    assert "*Why:*" in text and "*Fix:*" in text
    assert "(https://rules.example/rules/DF003)" in text


async def test_hover_on_a_base_image_gives_its_end_of_life(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "Dockerfile", "FROM python:3.8-slim-bookworm\n")
    await client.diagnostics_at(uri, 1)

    text = await hover_text(client, uri, 1, 10)

    assert "python 3.8: end of life 2024-10-07 (ended)" in text
    assert "debian 12: end of life" in text


async def test_hover_on_a_compose_image_gives_its_end_of_life(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "compose.yaml", "services:\n  db:\n    image: postgres:11\n", "yaml")
    await client.diagnostics_at(uri, 1)

    assert "postgres 11: end of life" in await hover_text(client, uri, 3, 14)


async def test_hover_on_a_variable_gives_its_value_and_where_it_was_set(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "Dockerfile", MULTI_STAGE)
    await client.diagnostics_at(uri, 1)

    version = await hover_text(client, uri, 5, 12)
    home = await hover_text(client, uri, 5, 22)
    base = await hover_text(client, uri, 2, 8)

    assert "**`VERSION`** = `1.2`" in version and "Set by `ARG VERSION=1.2` (line 3)" in version
    assert "**`APP_HOME`** = `/srv/app`" in home and "(line 4)" in home
    assert "**`BASE`** = `python:3.8-slim`" in base and "(line 1)" in base


# --- definitions -------------------------------------------------------------------------------------------


async def test_definitions_in_a_dockerfile(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "Dockerfile", MULTI_STAGE)
    await client.diagnostics_at(uri, 1)
    build_name = types.Range(start=at(2, 16), end=at(2, 21))

    assert [loc.range for loc in await definition(client, uri, 5, 12)] == [types.Range(start=at(3, 4), end=at(3, 11))]
    assert [loc.range.start for loc in await definition(client, uri, 5, 22)] == [at(4, 4)]
    assert [loc.range.start for loc in await definition(client, uri, 2, 8)] == [at(1, 4)]
    assert [loc.range for loc in await definition(client, uri, 7, 7)] == [build_name]  # FROM build
    assert [loc.range for loc in await definition(client, uri, 8, 14)] == [build_name]  # COPY --from=build
    assert [loc.range for loc in await definition(client, uri, 9, 30)] == [build_name]  # --mount=...,from=build
    assert await definition(client, uri, 8, 22) == []


COMPOSE = """\
include:
  - db.compose.yaml
services:
  web:
    image: nginx:1.27
    depends_on: [api, db]
    networks: [front]
    volumes:
      - static:/srv
    secrets:
      - source: tls
  api:
    build: ./api
networks:
  front: {}
volumes:
  static: {}
secrets:
  tls:
    file: ./tls.pem
"""


async def test_definitions_in_compose_files_reach_included_files(client: Client, workspace: Path) -> None:
    (workspace / "db.compose.yaml").write_text("services:\n  db:\n    image: postgres:17\n")
    (workspace / "api").mkdir()
    (workspace / "api" / "Dockerfile").write_text("FROM python:3.13-slim\n")
    uri = client.open(workspace / "compose.yaml", COMPOSE, "dockercompose")
    await client.diagnostics_at(uri, 1)

    def target(line: int, character: int, length: int) -> list[tuple[str, types.Range]]:
        return [(uri, types.Range(start=at(line, character), end=at(line, character + length)))]

    async def found(line: int, character: int) -> list[tuple[str, types.Range]]:
        return [(loc.uri, loc.range) for loc in await definition(client, uri, line, character)]

    assert await found(6, 18) == target(12, 2, 3)  # depends_on: [api]
    assert await found(7, 15) == target(15, 2, 5)  # networks: [front]
    assert await found(9, 10) == target(17, 2, 6)  # static:/srv
    assert await found(11, 17) == target(19, 2, 3)  # source: tls
    db = client.uri(workspace / "db.compose.yaml")
    assert await found(6, 23) == [(db, types.Range(start=at(2, 2), end=at(2, 4)))]  # db, from the included file
    assert [loc for loc, _ in await found(2, 6)] == [db]  # the include itself
    assert [loc for loc, _ in await found(13, 12)] == [client.uri(workspace / "api" / "Dockerfile")]


async def test_a_service_of_the_base_file_is_found_from_the_override_file(client: Client, workspace: Path) -> None:
    (workspace / "compose.yaml").write_text("services:\n  db:\n    image: postgres:17\n")
    uri = client.open(
        workspace / "compose.override.yaml", "services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n", "yaml"
    )
    await client.diagnostics_at(uri, 1)

    locations = await definition(client, uri, 4, 18)

    assert [(loc.uri, loc.range.start) for loc in locations] == [(client.uri(workspace / "compose.yaml"), at(2, 2))]


async def test_networks_volumes_and_secrets_are_found_in_the_base_and_included_files(
    client: Client, workspace: Path
) -> None:
    (workspace / "compose.yaml").write_text(
        "include:\n  - shared.compose.yaml\nservices:\n  db:\n    image: postgres:17\nvolumes:\n  data: {}\n"
    )
    (workspace / "shared.compose.yaml").write_text(
        "services:\n  cache:\n    image: valkey/valkey:8\nnetworks:\n  back: {}\nsecrets:\n  token:\n    file: ./t\n"
    )
    override = "services:\n  db:\n    networks: [back]\n    volumes:\n      - data:/var/lib\n    secrets: [token]\n"
    uri = client.open(workspace / "compose.override.yaml", override, "yaml")
    await client.diagnostics_at(uri, 1)

    async def found(line: int, character: int) -> list[tuple[str, types.Position]]:
        return [(loc.uri, loc.range.start) for loc in await definition(client, uri, line, character)]

    base, shared = client.uri(workspace / "compose.yaml"), client.uri(workspace / "shared.compose.yaml")
    assert await found(3, 16) == [(shared, at(5, 2))]  # networks: [back], defined in the base file's include
    assert await found(5, 10) == [(base, at(7, 2))]  # data:/var/lib, a volume of the base file
    assert await found(6, 16) == [(shared, at(7, 2))]  # secrets: [token]


# --- symbols -----------------------------------------------------------------------------------------------


async def symbols(client: Client, uri: str) -> list[types.DocumentSymbol]:
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    return [item for item in result or [] if isinstance(item, types.DocumentSymbol)]


async def test_a_dockerfiles_symbols_are_its_global_args_and_stages_with_their_instructions(
    client: Client, workspace: Path
) -> None:
    uri = client.open(workspace / "Dockerfile", MULTI_STAGE)

    found = await symbols(client, uri)

    assert [(s.name, s.kind) for s in found] == [
        ("BASE", types.SymbolKind.Variable),
        ("build", types.SymbolKind.Class),
        ("test", types.SymbolKind.Class),
    ]
    assert [c.name for c in found[1].children or []] == ["VERSION", "APP_HOME", "RUN"]
    assert found[1].detail == "${BASE}"
    assert found[2].range.start == at(7, 0) and found[2].range.end == at(9, 51)


async def test_a_compose_files_symbols_are_its_services_and_resources(client: Client, workspace: Path) -> None:
    uri = client.open(workspace / "compose.yaml", COMPOSE, "yaml")

    found = {s.name: s for s in await symbols(client, uri)}

    assert list(found) == ["include", "services", "networks", "volumes", "secrets"]
    assert [(c.name, c.kind, c.detail) for c in found["services"].children or []] == [
        ("web", types.SymbolKind.Class, "nginx:1.27"),
        ("api", types.SymbolKind.Class, None),
    ]
    assert [c.name for c in found["volumes"].children or []] == ["static"]
