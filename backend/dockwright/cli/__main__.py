"""``python -m dockwright.cli``: the `dockwright` command."""

from dockwright.cli.main import run

run()
