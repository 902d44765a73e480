"""The servers an environment value points a client at: URLs (`postgres://app@db:5432/app`, JDBC URLs, a list of
hosts as in `mongodb://a:27017,b:27017`), ADO.NET and Npgsql connection strings (`Server=db,1433;...`,
`Host=db;Port=5432`), and bare `host[:port]` values of variables named like a host (`REDIS_HOST`, `*_ADDR`,
`MEMCACHED_SERVERS`).

Each endpoint keeps the offsets of its host in the value, so a finding (and a fix) can point at it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

# Default ports of the schemes services are reached with, and the images that serve them.
SCHEME_PORTS = {
    "postgres": 5432,
    "postgresql": 5432,
    "postgis": 5432,
    "mysql": 3306,
    "mariadb": 3306,
    "redis": 6379,
    "rediss": 6379,
    "mongodb": 27017,
    "amqp": 5672,
    "amqps": 5671,
    "http": 80,
    "https": 443,
    "sqlserver": 1433,
    "mssql": 1433,
    "nats": 4222,
    "memcached": 11211,
}
SCHEME_IMAGES = {
    "postgres": ("postgres",),
    "postgresql": ("postgres",),
    "postgis": ("postgres",),
    "mysql": ("mysql", "mariadb"),
    "mariadb": ("mariadb", "mysql"),
    "redis": ("redis",),
    "rediss": ("redis",),
    "mongodb": ("mongo",),
    "amqp": ("rabbitmq",),
    "amqps": ("rabbitmq",),
    "sqlserver": ("mssql",),
    "mssql": ("mssql",),
    "memcached": ("memcached",),
}
_URL = re.compile(r"(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*)://([^/?#\s]*)")
_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$")
# Variables whose whole value is a host, `host:port`, or a list of them.
_HOST_NAME = re.compile(r"(^|_)(HOST|HOSTNAME|HOSTS|ADDR|ADDRESS|SERVER|SERVERS|BROKERS|NODES)$", re.IGNORECASE)
# ... unless they name something else than a server to connect to.
_NOT_A_SERVER = re.compile(r"ALLOWED|VIRTUAL|PUBLIC|EXTERNAL|CORS|ORIGIN|TRUSTED|BIND|LISTEN|DOMAIN", re.IGNORECASE)
_CONNECTION_KEYS = {"server": "server", "data source": "server", "host": "host", "address": "server", "addr": "server"}
_MAX_VALUE = 4096


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int | None  # as written; None when the scheme's default applies
    scheme: str  # "" for a bare host or a connection string of unknown kind
    start: int  # offsets of the host in the value
    end: int

    @property
    def effective_port(self) -> int | None:
        return self.port if self.port is not None else SCHEME_PORTS.get(self.scheme)


def endpoints(name: str, value: str, siblings: Mapping[str, str] | None = None) -> list[Endpoint]:
    """The servers ``value`` (of the variable ``name``) names. A bare host without a port takes it from the
    variable beside it (`DB_HOST=db` with `DB_PORT=5432`), looked up in ``siblings``."""
    value = value[:_MAX_VALUE]
    found = _urls(value)
    if found:
        return found
    if "=" in value and ";" in value:
        return _connection_string(value)
    if _HOST_NAME.search(name) and not _NOT_A_SERVER.search(name):
        port = _sibling_port(name, siblings or {})
        return [replace(e, port=port) if e.port is None and port is not None else e for e in _hosts(value, 0, "")]
    return []


def _sibling_port(name: str, siblings: Mapping[str, str]) -> int | None:
    match = _HOST_NAME.search(name)
    if match is None:
        return None
    text = siblings.get(f"{name[: match.start()]}{match.group(1)}PORT", "").strip()
    return int(text) if text.isdigit() and len(text) <= 5 else None


def _urls(value: str) -> list[Endpoint]:
    found = []
    for match in _URL.finditer(value):
        scheme = match.group(1).lower().rsplit(":", 1)[-1].split("+", 1)[0]
        authority = match.group(2)
        offset = match.start(2)
        at = authority.rfind("@")
        if at >= 0:
            offset += at + 1
            authority = authority[at + 1 :]
        found.extend(_hosts(authority, offset, scheme))
    return found


def _hosts(text: str, offset: int, scheme: str) -> list[Endpoint]:
    """`host`, `host:port`, `[v6]:port`, or a comma-separated list of them."""
    found = []
    position = offset
    for part in text.split(","):
        start = position
        position += len(part) + 1
        stripped = part.strip()
        if not stripped:
            continue
        start += part.index(stripped)
        host, _, port_text = (
            stripped.rpartition(":")
            if ":" in stripped and not stripped.startswith("[")
            else (
                stripped,
                "",
                "",
            )
        )
        if stripped.startswith("["):
            continue  # an IPv6 address: no service name
        if not port_text.isdigit() and port_text:
            continue
        if not _HOST.match(host):
            continue
        port = int(port_text) if port_text and len(port_text) <= 5 else None
        found.append(Endpoint(host, port, scheme, start, start + len(host)))
    return found


def _connection_string(value: str) -> list[Endpoint]:
    """ADO.NET (`Server=tcp:db,1433`) and Npgsql (`Host=db;Port=5432`) connection strings."""
    found = []
    port: int | None = None
    position = 0
    hosts: list[tuple[str, str, int]] = []
    for part in value.split(";"):
        start = position
        position += len(part) + 1
        key, equals, text = part.partition("=")
        if not equals:
            continue
        kind = _CONNECTION_KEYS.get(key.strip().lower())
        text_start = start + len(key) + 1
        text_start += len(text) - len(text.lstrip())
        text = text.strip()
        if key.strip().lower() == "port" and text.isdigit() and len(text) <= 5:
            port = int(text)
        elif kind is not None:
            hosts.append((kind, text, text_start))
    for kind, text, start in hosts:
        if text.lower().startswith("tcp:"):
            text, start = text[4:], start + 4
        host, _, after = text.partition(",") if kind == "server" else (text, "", "")
        host = host.split("\\", 1)[0]  # a named instance: `db\SQLEXPRESS`
        if not _HOST.match(host):
            continue
        scheme = "sqlserver" if kind == "server" else "postgres"
        given = int(after) if after.isdigit() and len(after) <= 5 else port
        found.append(Endpoint(host, given, scheme, start, start + len(host)))
    return found
