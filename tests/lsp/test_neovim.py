"""A real editor: headless Neovim (Debian's package) with its built-in LSP client and the configuration we ship
(editors/neovim/dockwright.lua) opens a Dockerfile, receives the diagnostics, applies a quick fix, and the
buffer then holds the fixed text. Fails when CI=true and Neovim is missing (CI installs it), skips elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dockwright.fixes import apply_fixes
from dockwright.lint import lint

REPO = Path(__file__).resolve().parents[2]
SESSION = Path(__file__).with_name("neovim_session.lua")
DOCKWRIGHT = Path(sys.executable).parent / "dockwright"
DOCKERFILE = "FROM debian:12\nRUN apt-get update && apt-get install curl\n"


def neovim() -> str:
    found = shutil.which("nvim")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("CI=true but nvim is not installed: .ci/run installs Debian's neovim package")
    pytest.skip("nvim is not installed (apt-get install neovim)")


def test_neovim_receives_diagnostics_and_applies_a_quick_fix(tmp_path: Path) -> None:
    nvim = neovim()
    project = tmp_path / "project"
    project.mkdir()
    (project / "Dockerfile").write_text(DOCKERFILE)
    init = tmp_path / "init.lua"
    init.write_text(
        f"package.path = {json.dumps(str(REPO / 'editors/neovim/?.lua'))} .. ';' .. package.path\n"
        f"require('dockwright').setup({{ cmd = {{ {json.dumps(str(DOCKWRIGHT))}, 'lsp' }} }})\n"
    )
    result = tmp_path / "result.json"
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "DOCKWRIGHT_RESULT": str(result),
        "DOCKWRIGHT_ACTION": "Add `-y`",
    }

    run = subprocess.run(
        [nvim, "--headless", "-n", "-i", "NONE", "-u", str(init), "-c", f"luafile {SESSION}", "Dockerfile"],
        cwd=project,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.exists(), f"Neovim wrote no result (exit {run.returncode}): {run.stdout}{run.stderr}"
    outcome = json.loads(result.read_text())
    assert outcome["ok"], outcome
    assert "DF009" in outcome["before"] and "DF009" not in outcome["after"]
    preferred = next(f for f in lint(DOCKERFILE, kind="dockerfile").findings if f.rule == "DF009")
    expected, _ = apply_fixes(DOCKERFILE, [preferred])
    assert outcome["buffer"] == expected.splitlines()
