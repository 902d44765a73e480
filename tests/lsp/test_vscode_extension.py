"""The VS Code extension builds as its README says (`npm ci`, `npm run compile`, `npx vsce package`) into a .vsix
that holds the compiled extension and the language client it needs. Built in a copy of editors/vscode, so the
work tree stays clean. Fails when CI=true and npm is missing, skips elsewhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

EXTENSION = Path(__file__).resolve().parents[2] / "editors" / "vscode"


def npm() -> str:
    found = shutil.which("npm")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true but npm is not installed: the VS Code extension must be built in CI")
    pytest.skip("npm is not installed")


def run(command: list[str], folder: Path) -> None:
    done = subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=600, check=False, stdin=subprocess.DEVNULL
    )
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"


def test_the_extension_packages_into_a_vsix_with_its_compiled_code(tmp_path: Path) -> None:
    npm_command = npm()
    folder = tmp_path / "vscode"
    shutil.copytree(EXTENSION, folder, ignore=shutil.ignore_patterns("node_modules", "out", "*.vsix"))
    npx = str(Path(npm_command).with_name("npx"))

    run([npm_command, "ci", "--no-audit", "--no-fund", "--loglevel=error"], folder)
    run([npm_command, "run", "compile"], folder)
    run([npx, "vsce", "package", "--out", "dockwright.vsix"], folder)

    vsix = folder / "dockwright.vsix"
    assert vsix.is_file()
    with zipfile.ZipFile(vsix) as archive:
        names = set(archive.namelist())
        manifest = json.loads(archive.read("extension/package.json"))
        compiled = archive.read("extension/out/extension.js").decode()
    assert manifest["main"] == "./out/extension.js"
    assert "dockwright.restartServer" in compiled
    assert "args: ['lsp']" in compiled
    assert "extension/node_modules/vscode-languageclient/node.js" in names
    assert not [name for name in names if name.startswith("extension/src/")]
