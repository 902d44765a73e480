"""`dockwright lsp` driven by pytest-lsp's client, as an editor drives it: a real process over stdio.

Each test gets a new server with a workspace folder of its own (``workspace``). The client records every
``publishDiagnostics`` with its version, so tests can wait for the diagnostics of a given version and check
that none of an older one came after it.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

SCRIPT = Path(sys.executable).parent / "dockwright"
TIMEOUT = 30.0


@dataclass
class Published:
    uri: str
    version: int | None
    diagnostics: list[types.Diagnostic]


@dataclass
class Recorder:
    published: list[Published] = field(default_factory=list)
    registrations: list[types.Registration] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)


class Client(LanguageClient):
    recorder: Recorder

    def uri(self, path: Path) -> str:
        return from_fs_path(str(path)) or ""

    def open(self, path: Path, text: str, language_id: str = "dockerfile", version: int = 1) -> str:
        uri = self.uri(path)
        self.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id=language_id, version=version, text=text)
            )
        )
        return uri

    def replace(self, uri: str, text: str, version: int) -> None:
        """Send the whole new text as one change (editors send ranges; pygls applies both)."""
        self.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def diagnostics_at(
        self, uri: str, version: int | None = None, *, since: int = 0, timeout: float = TIMEOUT
    ) -> list[types.Diagnostic]:
        """The last diagnostics published for ``uri`` (at ``version``, when given) since the ``since``-th
        publication, waiting for them if need be."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            for item in reversed(self.recorder.published[since:]):
                if item.uri == uri and (version is None or item.version == version):
                    return item.diagnostics
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise AssertionError(f"no diagnostics for {uri} at version {version}: {self.recorder.published}")
            self.recorder.changed.clear()
            try:
                await asyncio.wait_for(self.recorder.changed.wait(), remaining)
            except TimeoutError:
                continue

    @property
    def publications(self) -> int:
        return len(self.recorder.published)


def make_client() -> Client:
    client = Client(converter_factory=default_converter)
    client.recorder = Recorder()
    features: dict[str, Any] = dict(DEFAULT_CLIENT_FEATURES)

    def publish(client: Client, params: types.PublishDiagnosticsParams) -> None:
        client.recorder.published.append(Published(params.uri, params.version, list(params.diagnostics)))
        client.recorder.changed.set()

    def register(client: Client, params: types.RegistrationParams) -> None:
        client.recorder.registrations.extend(params.registrations)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    return client


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    folder.mkdir()
    return folder


def initialize_params(workspace: Path, options: dict[str, Any] | None = None) -> types.InitializeParams:
    capabilities = client_capabilities("visual-studio-code")
    uri = from_fs_path(str(workspace)) or ""
    return types.InitializeParams(
        capabilities=capabilities,
        root_uri=uri,
        workspace_folders=[types.WorkspaceFolder(uri=uri, name="project")],
        initialization_options=options,
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(SCRIPT), "lsp"], client_factory=make_client))
async def client(lsp_client: Client, workspace: Path) -> AsyncIterator[None]:
    await lsp_client.initialize_session(initialize_params(workspace, {"rulesBaseUrl": "https://rules.example"}))
    yield
    await lsp_client.shutdown_session()
