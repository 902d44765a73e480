"""Print a compose service's healthcheck command as NUL-separated words, for `podman exec CONTAINER ...`.

podman-compose 1.0.3 ignores `depends_on: condition: service_healthy` and mangles the exec form of a
healthcheck into one shell string, and without systemd podman runs no health timers; so the stack test runs
each service's healthcheck itself, exactly as the original compose file writes it (interpolated with the
environment, as Compose does).

Usage: compose_healthcheck.py COMPOSE_FILE SERVICE   (exit 3 when the service has no healthcheck)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ruamel.yaml import YAML

from dockwright.compose.interpolation import interpolate


def healthcheck_argv(document: dict, service: str, env: dict[str, str]) -> list[str] | None:
    test = ((document.get("services") or {}).get(service) or {}).get("healthcheck", {}).get("test")
    if not test:
        return None
    if isinstance(test, str):
        return ["sh", "-c", interpolate(test, env).value]
    kind, *words = [interpolate(str(word), env).value for word in test]
    if kind == "CMD-SHELL":
        return ["sh", "-c", " ".join(words)]
    if kind == "CMD":
        return words
    return None  # NONE


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    # Pure Python: the C loader (ruamel.yaml.clib, when installed) rejects `[a:b]` in flow lists, Compose does not.
    document = YAML(typ="safe", pure=True).load(Path(argv[0]).read_text()) or {}
    words = healthcheck_argv(document, argv[1], dict(os.environ))
    if words is None:
        return 3
    sys.stdout.write("\0".join(words) + "\0")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
