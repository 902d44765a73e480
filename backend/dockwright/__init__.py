"""Dockwright's lint engine: pure Python, no Django.

The public entry point is :func:`dockwright.lint.lint`; rules live one per module under
``dockwright.rules.dockerfile`` and ``dockwright.rules.compose``.
"""

__version__ = "0.1.0"
