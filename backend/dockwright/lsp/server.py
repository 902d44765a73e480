"""The language server: editor documents in, diagnostics, code actions, hovers, definitions and symbols out.

State lives on the event loop: the open documents (pygls' workspace), the last published analysis of each,
the workspace configs and a project's policy from a Dockwright server, when the settings name one. Analyses run in
:class:`~dockwright.lsp.scheduler.LintQueue`'s worker threads; requests that need a parsed document for text newer
than the last analysis parse it in the same pool. The policy is fetched in the loop's default executor, never in
the analyses' path.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
import os
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from dockwright import __version__
from dockwright.config import LintConfig
from dockwright.errors import InputError
from dockwright.lint import check_content, parse
from dockwright.lsp import actions, definition, hover, symbols
from dockwright.lsp.analysis import Analysis, Request
from dockwright.lsp.diagnostics import to_diagnostic
from dockwright.lsp.documents import EditorFiles, document_kind, read_text
from dockwright.lsp.positions import UTF16, from_position, to_range
from dockwright.lsp.project_policy import PolicySource, fetch_policy
from dockwright.lsp.scheduler import LintQueue
from dockwright.lsp.settings import WATCHED_GLOBS, ServerSettings, WorkspaceConfigs
from dockwright.server_client import ServerError

logger = logging.getLogger(__name__)
# After a save, the other open documents are analysed again (a Compose file reports on the Dockerfiles it
# builds); later than a keystroke's analysis, so the saved document's own comes first.
_RELATED_DELAY_SECONDS = 0.3


class DockwrightServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("dockwright", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = ServerSettings.from_editor(None)
        self.configs = WorkspaceConfigs()
        self.open_documents: dict[str, str] = {}  # uri → language id, for the documents this server lints
        self.analyses: dict[str, Analysis] = {}  # uri → the analysis last published
        self.config_errors_shown: set[str] = set()
        # The project's policy in force (None: the workspace's config files), and which fetch of it is the latest.
        self.policy: LintConfig | None = None
        self.policy_fetches = 0
        self.queue = LintQueue(self.snapshot, self.is_current, self.publish)

    # --- state ---------------------------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        """The position encoding agreed at initialisation (``utf-16`` unless the client offered another)."""
        encoding = self.workspace.position_encoding
        return str(getattr(encoding, "value", encoding) or UTF16)

    def document_version(self, uri: str) -> int | None:
        return self.workspace.get_text_document(uri).version

    def is_current(self, analysis: Analysis) -> bool:
        return analysis.uri in self.open_documents and self.document_version(analysis.uri) == analysis.version

    def buffers(self) -> dict[str, str]:
        """The text of every open document that is a file, by normalised path."""
        found = {}
        for uri in self.open_documents:
            path = to_fs_path(uri)
            if path:
                found[os.path.normpath(path)] = self.workspace.get_text_document(uri).source
        return found

    def roots(self) -> list[Path]:
        roots = [to_fs_path(folder.uri) for folder in self.workspace.folders.values()]
        roots.append(self.workspace.root_path)
        return [Path(root) for root in roots if root]

    def snapshot(self, uri: str) -> Request | None:
        """What an analysis of the document's current text needs (None once it is closed)."""
        language = self.open_documents.get(uri)
        if language is None:
            return None
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        kind = document_kind(path, language)
        if kind is None:
            return None
        if path is None:
            return Request(uri, document.version, document.source, kind, None, lang=self.settings.lang)
        file = Path(path)
        files = EditorFiles(file.parent, self.buffers())
        config = self.policy if self.policy is not None else self.workspace_config(file)
        return Request(uri, document.version, document.source, kind, file.name, config, files, self.settings.lang)

    def workspace_config(self, file: Path) -> LintConfig:
        """The config of the workspace's config files nearest to ``file``; one that cannot be read is said once."""
        choice = self.configs.for_document(file, self.roots())
        if choice.error and choice.error not in self.config_errors_shown:
            self.config_errors_shown.add(choice.error)
            message = f"Dockwright: {choice.error}; linting with the default settings until it is fixed"
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=message))
        return choice.config

    def refresh_policy(self) -> None:
        """Fetch the policy the settings name (in a thread: the documents keep being linted meanwhile), or drop it
        when they name none; the documents are linted again once it is known."""
        self.policy_fetches += 1
        source = self.settings.policy_source
        if source is None:
            if self.policy is not None:
                self.policy = None
                self.relint_all()
            return
        fetch = asyncio.get_running_loop().run_in_executor(None, fetch_policy, source, dict(os.environ))
        fetch.add_done_callback(functools.partial(self.policy_fetched, self.policy_fetches, source))

    def policy_fetched(self, number: int, source: PolicySource, done: asyncio.Future[LintConfig]) -> None:
        if number != self.policy_fetches or done.cancelled():
            return  # the settings changed meanwhile (a later fetch decides), or the server is stopping
        error = done.exception()
        if error is None:
            self.policy = done.result()
            self.window_log_message(
                types.LogMessageParams(
                    type=types.MessageType.Info, message=f"Dockwright: linting with the policy of {source}"
                )
            )
        else:
            self.policy = None
            reason = error if isinstance(error, ServerError) else f"{type(error).__name__}: {error}"
            message = f"Dockwright: cannot use the policy of {source}: {reason}; linting with the local configuration"
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=message))
        self.relint_all()

    def publish(self, analysis: Analysis) -> None:
        self.analyses[analysis.uri] = analysis
        lines = analysis.lines
        url = self.settings.rules_base_url
        diagnostics = [to_diagnostic(f, lines, url, self.encoding) for f in analysis.findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=analysis.uri, diagnostics=diagnostics, version=analysis.version)
        )

    def relint_all(self, delay: float = 0.0, *, except_uri: str | None = None) -> None:
        for uri in self.open_documents:
            if uri != except_uri:
                self.queue.schedule(uri, delay)

    async def current(self, uri: str) -> Analysis | None:
        """The analysis of the document's current text: the last published one if it is current, else the
        text parsed afresh (without findings) in a worker thread."""
        if uri not in self.open_documents:
            return None
        analysis = self.analyses.get(uri)
        if analysis is not None and analysis.version == self.document_version(uri):
            return analysis
        request = self.snapshot(uri)
        if request is None:
            return None
        return await asyncio.get_running_loop().run_in_executor(self.queue.executor, _parsed, request)


def _parsed(request: Request) -> Analysis:
    document = None
    try:
        check_content(request.text)
        document = parse(request.text, request.kind)
    except InputError:
        pass
    return Analysis(
        request.uri, request.version, request.text, request.kind, [], document, request.config, request.lang
    )


def create_server() -> DockwrightServer:
    server = DockwrightServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: DockwrightServer, params: types.InitializeParams) -> None:
        ls.settings = ServerSettings.from_editor(params.initialization_options, ls.settings)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: DockwrightServer, params: types.InitializedParams) -> None:
        ls.refresh_policy()
        watched = ls.client_capabilities.workspace and ls.client_capabilities.workspace.did_change_watched_files
        if watched and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED_GLOBS]
            )
            registration = types.Registration(
                id="dockwright-watched-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
            )
            try:
                await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))
            except Exception as exc:  # a client that cannot watch files still gets everything else
                logger.warning("the client did not register the file watchers: %s", exc)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: DockwrightServer, params: types.DidOpenTextDocumentParams) -> None:
        document = params.text_document
        path = to_fs_path(document.uri) if document.uri.startswith("file:") else None
        if document_kind(path, document.language_id) is None:
            return
        ls.open_documents[document.uri] = document.language_id
        ls.queue.schedule(document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: DockwrightServer, params: types.DidChangeTextDocumentParams) -> None:
        if params.text_document.uri in ls.open_documents:
            ls.queue.schedule(params.text_document.uri, ls.settings.debounce_seconds)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: DockwrightServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.relint_all(_RELATED_DELAY_SECONDS, except_uri=params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: DockwrightServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if ls.open_documents.pop(uri, None) is None:
            return
        ls.queue.forget(uri)
        ls.analyses.pop(uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: DockwrightServer, params: types.DidChangeConfigurationParams) -> None:
        ls.settings = ServerSettings.from_editor(params.settings, ls.settings)
        ls.refresh_policy()
        ls.relint_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: DockwrightServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.configs.clear()
        ls.config_errors_shown.clear()
        ls.relint_all()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL]),
    )
    def code_action(ls: DockwrightServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        analysis = ls.analyses.get(uri)
        if analysis is None or not ls.is_current(analysis):
            return None  # the findings are of older text; the client asks again once new ones are published
        lines = analysis.lines
        first = from_position(lines, params.range.start, ls.encoding)
        last = from_position(lines, params.range.end, ls.encoding)
        edit_capabilities = ls.client_capabilities.workspace and ls.client_capabilities.workspace.workspace_edit
        return actions.code_actions(
            analysis,
            first,
            last,
            base_url=ls.settings.rules_base_url,
            encoding=ls.encoding,
            versioned=bool(edit_capabilities and edit_capabilities.document_changes),
            only=[str(getattr(kind, "value", kind)) for kind in params.context.only] if params.context.only else None,
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: DockwrightServer, params: types.HoverParams) -> types.Hover | None:
        analysis = await ls.current(params.text_document.uri)
        if analysis is None:
            return None
        lines = analysis.lines
        line, column = from_position(lines, params.position, ls.encoding)
        found = hover.hover(analysis, line, column, ls.settings.rules_base_url)
        if found is None:
            return None
        content = types.MarkupContent(kind=types.MarkupKind.Markdown, value=found[0])
        return types.Hover(contents=content, range=to_range(lines, found[1], ls.encoding))

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def on_definition(ls: DockwrightServer, params: types.DefinitionParams) -> list[types.Location] | None:
        uri = params.text_document.uri
        analysis = await ls.current(uri)
        if analysis is None:
            return None
        line, column = from_position(analysis.lines, params.position, ls.encoding)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        buffers = ls.buffers()
        return await asyncio.get_running_loop().run_in_executor(
            ls.queue.executor,
            lambda: definition.definition(
                analysis,
                Path(path) if path else None,
                line,
                column,
                lambda target: read_text(target, buffers),
                ls.encoding,
            ),
        )

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def on_document_symbol(
        ls: DockwrightServer, params: types.DocumentSymbolParams
    ) -> list[types.DocumentSymbol] | None:
        analysis = await ls.current(params.text_document.uri)
        if analysis is None:
            return None
        return symbols.document_symbols(analysis.document, analysis.lines, ls.encoding)

    @server.feature(types.SHUTDOWN)
    def on_shutdown(ls: DockwrightServer, params: Any) -> None:
        ls.queue.shutdown()

    return server


def serve() -> int:
    """Speak LSP on stdin/stdout until the client says exit."""
    # The CLI tunes the collector for a short run (dockwright.cli.run); a server runs for hours.
    gc.set_threshold(700, 10, 10)
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="dockwright-lsp %(levelname)s %(message)s")
    # The protocol gets a stream of its own on standard output: pygls closes it when the client leaves, and
    # whatever else would print there (a stray print) goes to standard error instead of corrupting messages.
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    sys.stdout = sys.stderr
    create_server().start_io(sys.stdin.buffer, protocol_out)
    return 0
