"""Docker Compose files: YAML loading with positions, interpolation, schema validation and the parsed model.

The entry point is :func:`dockwright.compose.parser.parse_compose`; rules receive the
:class:`~dockwright.compose.model.ComposeFile` it returns, and ask it for the project it belongs to
(:mod:`dockwright.compose.references`: what it includes and extends from other files).
"""
