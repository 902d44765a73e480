"""Sample files and assertions shared by the API tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

MANAGE_PY = Path(__file__).resolve().parents[2] / "backend" / "manage.py"

# Triggers the latest-tag rule on line 1 and nothing that needs the network.
DOCKERFILE = 'FROM python:latest\nCMD ["python", "-m", "http.server"]\n'
COMPOSE = "services:\n  web:\n    image: nginx:latest\n"


def assert_error_shape(response: Any, status: int) -> dict[str, Any]:
    """The response has ``status`` and the API's one error shape; returns the body."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"message", "details"}
    assert isinstance(body["message"], str) and body["message"]
    return body


def manage(*args: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run manage.py in a fresh process with only ``env`` as Django/Dockwright settings, as a deployment would."""
    base = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DOCKWRIGHT_"))}
    base["DOCKWRIGHT_DATA_DIR"] = str(tmp_path / "data")
    return subprocess.run(
        [sys.executable, str(MANAGE_PY), *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
