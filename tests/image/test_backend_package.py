"""The image installs the backend as a package (`pip install ./backend`, docker/Dockerfile): every app of ours that
Django loads must be in the package, or the image's build (collectstatic) and every process fail with
ModuleNotFoundError while the tests, run from the source tree, pass."""

from __future__ import annotations

import re
import tomllib
from fnmatch import fnmatch
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BACKEND = REPO / "backend"


def test_every_installed_app_of_ours_is_in_the_backend_package() -> None:
    settings = (BACKEND / "server" / "settings.py").read_text()
    apps = re.search(r"^INSTALLED_APPS = \[(.*?)^\]", settings, re.MULTILINE | re.DOTALL)
    assert apps is not None
    ours = {name for name in re.findall(r'"([a-z_]+)"', apps.group(1)) if (BACKEND / name / "__init__.py").is_file()}
    include = tomllib.loads((BACKEND / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]["find"][
        "include"
    ]

    assert ours, "no app of ours found in INSTALLED_APPS"
    assert {app for app in ours if not any(fnmatch(app, pattern) for pattern in include)} == set()
