"""Where a database, cache or broker service keeps its data, and whether the service's mounts keep it.

The image table says where each image writes (PGDATA for postgres, `--storage.tsdb.path` for Prometheus...) and
which directories its Dockerfile declares as VOLUMEs; the service's environment and command move the data
directory. A volume mounted at a parent of the data directory keeps nothing when the image declares the data
directory itself a VOLUME: Docker mounts an anonymous volume there, over the named one.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from dockwright.compose.bundle import lookup
from dockwright.compose.model import Service
from dockwright.compose.mounts import Mount
from dockwright.compose.nodes import Scalar, Sequence
from dockwright.context import LintContext
from dockwright.data.images import ImageFacts
from dockwright.dockerfile.queries.paths import is_within
from dockwright.rules.compose._servers import ServiceServer

# Where containers are told to write data by convention: a mount there is meant for the data.
_DATA_LOCATIONS = ("/var/lib", "/data", "/var/opt", "/srv")


@dataclass(frozen=True)
class DataDirectory:
    path: str
    moved_by: str  # "" for the image's default, else what moves it (`PGDATA`, `--storage.tsdb.path`)


def data_directory(server: ServiceServer) -> DataDirectory | None:
    """Where the service's server writes its data (the first data directory of its image), None when unknown."""
    facts = server.facts
    if facts is None or not facts.data_dirs or server.process is None:
        return None
    process = server.process
    variable = facts.data_dir_variable
    if variable and variable in process.env:
        value = process.env[variable].value.strip()
        if value.startswith("/"):
            return DataDirectory(posixpath.normpath(value), variable)
    argv = [a.value for a in (*process.entrypoint, *process.command)]
    for flag in facts.data_dir_flags:
        for index, word in enumerate(argv):
            value = ""
            if word.startswith(flag + "="):
                value = word[len(flag) + 1 :]
            elif word == flag and index + 1 < len(argv):
                value = argv[index + 1]
            if value.startswith("/"):
                return DataDirectory(posixpath.normpath(value), flag)
    return DataDirectory(facts.data_dirs[0], "")


# Programs that start an image's own server (a command naming one still runs the database).
_SERVER_PROGRAMS = frozenset(
    {
        *("postgres", "mysqld", "mariadbd", "mongod", "redis-server", "rabbitmq-server", "elasticsearch"),
        *("docker-entrypoint.sh", "sqlservr", "memcached", "prometheus", "grafana", "grafana-server"),
    }
)


def runs_image_server(service: Service) -> bool:
    """Whether the container runs the image's own server, not a one-shot job on the image (a set-up task run
    from the database image with another command or entrypoint, a job others wait to complete)."""
    if service.is_one_shot() or "entrypoint" in service.body:
        return False
    command = service.get("command")
    first = ""
    if isinstance(command, Scalar):
        first = command.text.strip().split(" ", 1)[0]
    elif isinstance(command, Sequence) and command.items and isinstance(command.items[0], Scalar):
        first = command.items[0].text.strip()
    return not first or first.startswith("-") or posixpath.basename(first) in _SERVER_PROGRAMS


def persistence_asked(facts: ImageFacts, server: ServiceServer) -> bool:
    """For a cache (Redis), whether its command turns persistence on (`--appendonly yes`, `--save 60 1`)."""
    if not facts.persistence_flags:
        return True
    process = server.process
    argv = [a.value for a in (*process.entrypoint, *process.command)] if process is not None else []
    for index, word in enumerate(argv):
        if word in facts.persistence_flags and index + 1 < len(argv):
            value = argv[index + 1].strip().strip("'\"")
            if value and value.lower() != "no":
                return True
    return False


def data_mounts(service: Service, context: LintContext) -> list[Mount]:
    """The mounts that can hold data: named and anonymous volumes, and binds of directories (a bind of a file
    beside the compose file is configuration)."""
    found = []
    for mount in service.mounts:
        directory = mount.type == "volume" or (mount.type == "bind" and not _is_file(service, mount, context))
        if directory and mount.target.startswith("/"):
            found.append(mount)
    return found


def keeps(mount: Mount, directory: str, facts: ImageFacts) -> bool:
    """Whether what the server writes in ``directory`` lands in ``mount``: the mount is the directory or a
    parent of it, and no VOLUME of the image lies between them."""
    target = posixpath.normpath(mount.target)
    if not is_within(directory, target):
        return False
    return not any(
        is_within(directory, volume) and is_within(volume, target) and volume != target for volume in facts.volumes
    )


def aimed_at_data(mount: Mount, directory: str, facts: ImageFacts) -> bool:
    """Whether a mount that does not keep the data looks meant to: inside or above the data directory, at a
    conventional data location, or named after the image."""
    target = posixpath.normpath(mount.target)
    return (
        is_within(target, directory)
        or is_within(directory, target)
        or any(is_within(target, place) for place in _DATA_LOCATIONS)
        or facts.image in target
    )


# Extensions of configuration and init files: a bind of such a path is a file, not a data directory.
_FILE_EXTENSIONS = frozenset(
    {
        *(".sql", ".sh", ".conf", ".cnf", ".cfg", ".ini", ".yml", ".yaml", ".json", ".toml"),
        *(".xml", ".js", ".txt", ".pem", ".crt", ".key", ".env", ".properties"),
    }
)


def _is_file(service: Service, mount: Mount, context: LintContext) -> bool:
    source = mount.source.replace("\\", "/")
    if posixpath.splitext(source)[1].lower() in _FILE_EXTENSIONS:
        return True
    path = posixpath.normpath(posixpath.join(service.folder, source))
    return not source.startswith(("/", "~")) and not path.startswith("..") and lookup(context.files, path) is not None
