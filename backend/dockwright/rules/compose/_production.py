"""Whether a compose file, or a service, is meant for production: the rules about what must not reach production
(source mounts, debug switches, default secrets, unbounded logs) share one reading of it.

A file counts as production when its name says so (`docker-compose.prod.yml`, `compose.production.yaml`); override,
dev, local, test and CI files never do. A service counts as production when its environment says so: NODE_ENV,
RAILS_ENV, APP_ENV and the like set to production/prod, or DEBUG/DJANGO_DEBUG/APP_DEBUG off.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from dockwright.compose.model import Service
from dockwright.dockerfile.queries.listening import Arg
from dockwright.rules.compose._servers import environment_entries

_PRODUCTION_FILE = re.compile(r"(^|[.\-_])(prod|production)([.\-_]|$)", re.IGNORECASE)
_DEVELOPMENT_FILE = re.compile(r"(^|[.\-_])(override|dev|development|local|test|ci)([.\-_]|$)", re.IGNORECASE)
# Variables that name the environment an application runs in, and the values that mean production.
ENVIRONMENT_NAMES = re.compile(
    r"^(NODE_ENV|RAILS_ENV|RACK_ENV|APP_ENV|FLASK_ENV|ENV|ENVIRONMENT|ASPNETCORE_ENVIRONMENT|DOTNET_ENVIRONMENT"
    r"|SPRING_PROFILES_ACTIVE|MIX_ENV|GO_ENV)$"
)
DEBUG_NAMES = re.compile(r"^(DEBUG|DJANGO_DEBUG|APP_DEBUG|FLASK_DEBUG)$")
OFF = ("0", "false", "no", "off")


def _stem(filename: str | None) -> str:
    return posixpath.basename((filename or "").replace("\\", "/")).rsplit(".", 1)[0]


def development_file(filename: str | None) -> bool:
    return bool(_DEVELOPMENT_FILE.search(_stem(filename)))


def production_file(filename: str | None) -> bool:
    """Named for production, and not for development."""
    stem = _stem(filename)
    return bool(_PRODUCTION_FILE.search(stem)) and not _DEVELOPMENT_FILE.search(stem)


def production_environment(env: Mapping[str, Arg]) -> bool:
    for name, arg in env.items():
        value = arg.value.strip().lower()
        if ENVIRONMENT_NAMES.match(name) and value in ("production", "prod"):
            return True
        if DEBUG_NAMES.match(name) and value in OFF:
            return True
    return False


def production_service(service: Service, filename: str | None) -> bool:
    """A service meant for production: in a file named for production, or (outside development files) with an
    environment that names production (NODE_ENV=production, APP_ENV=prod...)."""
    if development_file(filename):
        return False
    if production_file(filename):
        return True
    return any(
        ENVIRONMENT_NAMES.match(name) and value.strip().lower() in ("production", "prod")
        for name, value, _ in environment_entries(service)
    )
