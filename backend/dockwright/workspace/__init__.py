"""What the front ends (the CLI, the language server) read from a project's folder: its config files
(`.dockwright.yaml`, `.hadolint.yaml`, `.dclintrc`) and the files beside a linted file."""
