"""Docker Compose files: YAML loading with positions, interpolation, schema validation and the parsed model.

The entry point is :func:`dockwright.compose.parser.parse_compose`; rules receive the
:class:`~dockwright.compose.model.ComposeFile` it returns, and ask it for the project it belongs to
(:mod:`dockwright.compose.references`: the override files merged with it, what it includes and what it
extends from other files; :mod:`dockwright.compose.bundle` says which files make up the project).
"""
