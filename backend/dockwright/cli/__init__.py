"""The `dockwright` command: finding and reading files, linting them in a batch, writing the output formats.

``dockwright.cli:run`` is the console script (see backend/pyproject.toml and the root pyproject.toml).
"""

from dockwright.cli.main import main, run

__all__ = ["main", "run"]
