"""Dockwright's lint engine: pure Python, no Django.

The public entry point is :func:`dockwright.lint.lint`, the pipeline every front end calls with the engine's
budget: the API (``analyses.services``), the CLI (:mod:`dockwright.cli`, whose batches fork workers that call
it too) and the language server (:mod:`dockwright.lsp`). The root package holds the pipeline (lint, findings,
config, pragmas, fixes, budget); parsing lives in ``dockwright.dockerfile`` and ``dockwright.compose``, rules one
per module under ``dockwright.rules.dockerfile`` and ``dockwright.rules.compose``, ShellCheck's integration in
:mod:`dockwright.shellcheck`, and what the front ends read from a project's folder in
:mod:`dockwright.workspace`.
"""

__version__ = "0.1.0"
