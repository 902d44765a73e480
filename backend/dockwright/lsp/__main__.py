"""`python -m dockwright.lsp`: the language server, as `dockwright lsp` runs it."""

import sys

from dockwright.lsp.server import serve

sys.exit(serve())
