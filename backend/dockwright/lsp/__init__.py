"""`dockwright lsp`: the lint engine as a language server (LSP over stdio, built on pygls).

Editors get the engine's findings as diagnostics while a Dockerfile or Compose file is typed, its fixes and
"ignore" pragmas as code actions, hovers that explain rules, images and variables, go-to-definition for
stages, variables and Compose names, and document symbols. :mod:`dockwright.lsp.server` wires the features;
each feature lives in its own module and works on the engine's parsed model.
"""
