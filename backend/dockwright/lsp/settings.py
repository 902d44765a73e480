"""The server's own settings (from the editor) and the lint configuration of each document (from its workspace).

Editor settings come as ``initializationOptions`` and ``workspace/didChangeConfiguration`` under the
``dockwright`` section: ``rulesBaseUrl`` (where rule pages are served, ``<base>/rules/<ID>``), ``debounceMs``
(how long typing must pause before a new analysis), ``lang`` (``zh-Hans`` for Simplified Chinese messages), and
``server`` and ``project``: a Dockwright server and a project on it whose policy replaces the workspace's config
files (dockwright.lsp.project_policy; an empty value or null switches it off).

A document's lint configuration is that of the nearest folder holding a config file, from the document's folder
up to the root of its workspace folder, read as the CLI reads its working folder's: a ``.dockwright.yaml`` alone,
else a ``.hadolint.yaml`` and a ``.dclintrc`` together. Files are read once and kept
until :meth:`WorkspaceConfigs.clear` (a watched config file changed).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dockwright.config import LintConfig
from dockwright.errors import InputError
from dockwright.i18n import ENGLISH, language
from dockwright.lsp.project_policy import PolicySource
from dockwright.workspace.config_file import find_config_files, load_settings

DEFAULT_RULES_BASE_URL = "https://dockwright.dev"
DEFAULT_DEBOUNCE_SECONDS = 0.15
# Files whose change can change a document's findings: the configs, ignore files and Compose's .env.
WATCHED_GLOBS = (
    "**/.dockwright.{yaml,yml}",
    "**/.hadolint.{yaml,yml}",
    "**/.dclintrc",
    "**/.dclintrc.{json,yaml,yml}",
    "**/.dockerignore",
    "**/*.dockerignore",
    "**/.env",
)


@dataclass(frozen=True)
class ServerSettings:
    rules_base_url: str = DEFAULT_RULES_BASE_URL
    debounce_seconds: float = DEFAULT_DEBOUNCE_SECONDS
    # Messages and rule texts in this language (en, zh-Hans; any Chinese tag in simplified script means zh-Hans).
    lang: str = ENGLISH
    server: str | None = None
    project: str | None = None

    @property
    def policy_source(self) -> PolicySource | None:
        """The server and project whose policy applies, when both are set."""
        return PolicySource(self.server, self.project) if self.server and self.project else None

    @classmethod
    def from_editor(cls, options: Any, previous: ServerSettings | None = None) -> ServerSettings:
        """Settings from ``{"rulesBaseUrl": ..., "debounceMs": ...}``, or the same under a ``dockwright`` key;
        what is missing or malformed keeps its previous (else default) value. ``DOCKWRIGHT_RULES_URL`` in the
        server's environment changes the default base URL."""
        base = previous or cls(rules_base_url=os.environ.get("DOCKWRIGHT_RULES_URL") or DEFAULT_RULES_BASE_URL)
        if isinstance(options, Mapping) and isinstance(options.get("dockwright"), Mapping):
            options = options["dockwright"]
        if not isinstance(options, Mapping):
            return base
        url = options.get("rulesBaseUrl")
        debounce = options.get("debounceMs")
        lang = options.get("lang")
        return cls(
            server=_text_option(options, "server", base.server),
            project=_text_option(options, "project", base.project),
            lang=language(lang) if isinstance(lang, str) else base.lang,
            rules_base_url=url.strip().rstrip("/") if isinstance(url, str) and url.strip() else base.rules_base_url,
            debounce_seconds=debounce / 1000
            if isinstance(debounce, int | float) and not isinstance(debounce, bool) and 0 <= debounce <= 5000
            else base.debounce_seconds,
        )


def _text_option(options: Mapping[str, Any], key: str, previous: str | None) -> str | None:
    """A text setting: kept when absent or malformed, cleared by null or an empty string."""
    if key not in options:
        return previous
    value = options[key]
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return value.strip() if isinstance(value, str) else previous


@dataclass(frozen=True)
class ConfigChoice:
    config: LintConfig
    path: str | None = None
    error: str | None = None


class WorkspaceConfigs:
    """The configuration in force for a document, by the folder it is in."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, ConfigChoice] = {}

    def clear(self) -> None:
        self._by_folder.clear()

    def for_document(self, path: Path, roots: Iterable[Path]) -> ConfigChoice:
        folder = path.parent
        cached = self._by_folder.get(folder)
        if cached is None:
            cached = self._by_folder[folder] = self._find(folder, _root_of(folder, roots))
        return cached

    def _find(self, folder: Path, root: Path | None) -> ConfigChoice:
        """The first config file from ``folder`` up to ``root`` (``folder`` alone without a workspace root)."""
        for candidate in [folder, *folder.parents]:
            paths = find_config_files(candidate)
            if paths:
                return _load(paths)
            if root is None or candidate == root:
                break
        return ConfigChoice(LintConfig())


def _root_of(folder: Path, roots: Iterable[Path]) -> Path | None:
    """The innermost workspace root holding ``folder``."""
    holding = [root for root in roots if root == folder or root in folder.parents]
    return max(holding, key=lambda root: len(root.parts), default=None)


def _load(paths: list[str]) -> ConfigChoice:
    try:
        return ConfigChoice(load_settings(paths).config, ", ".join(paths))
    except InputError as exc:
        return ConfigChoice(LintConfig(), ", ".join(paths), str(exc))
