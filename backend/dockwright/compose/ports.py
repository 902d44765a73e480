"""Published ports of a service, short syntax (``[IP:][HOST:]CONTAINER[/PROTO]``) or long syntax."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence

# Hosts of a port that listen on every interface of the machine.
ALL_INTERFACES = ("", "0.0.0.0", "::", "[::]")
_RANGE = re.compile(r"^(\d+)(?:-(\d+))?$")
_MAX_RANGE = 1024
# Container ports of databases, caches, brokers and search engines, which should never face the internet.
DATA_PORTS = {
    1433: "SQL Server", 1521: "Oracle", 2181: "ZooKeeper", 3306: "MySQL/MariaDB", 5432: "PostgreSQL",
    5672: "RabbitMQ", 5984: "CouchDB", 6379: "Redis", 7000: "Cassandra", 7687: "Neo4j", 8086: "InfluxDB",
    9042: "Cassandra", 9092: "Kafka", 9200: "Elasticsearch", 9300: "Elasticsearch", 11211: "Memcached",
    15672: "RabbitMQ management", 26257: "CockroachDB", 27017: "MongoDB", 28015: "RethinkDB",
}  # fmt: skip


@dataclass(frozen=True)
class PortBinding:
    node: Node  # the list item, for positions and fixes
    host_ip: str  # "" when not given (every interface)
    published: str  # host port or range; "" when Compose picks an ephemeral port
    target: str  # container port or range
    protocol: str
    # The first part of the short syntax after the IP, what dclint sorts and compares ports by.
    sort_key: str
    # False when part of it comes from a variable without a value: its address and ports are unknown.
    known: bool = True

    @property
    def on_all_interfaces(self) -> bool:
        return self.host_ip in ALL_INTERFACES

    @property
    def data_service(self) -> str:
        """The database, cache or broker its container port belongs to ("PostgreSQL"); "" for others."""
        return next((DATA_PORTS[port] for port in self.target_ports() if port in DATA_PORTS), "")

    def published_ports(self) -> list[int]:
        return _expand(self.published)

    def target_ports(self) -> list[int]:
        return _expand(self.target)


def port_bindings(ports: Node | None) -> list[PortBinding]:
    """Every item of a service's ``ports`` that can be read; unreadable ones are the schema's business."""
    if not isinstance(ports, Sequence):
        return []
    bindings = []
    for item in ports.items:
        binding = _long(item) if isinstance(item, Mapping) else _short(item) if isinstance(item, Scalar) else None
        if binding is not None:
            bindings.append(binding)
    return bindings


def split_short_syntax(text: str) -> tuple[str, str, str, str]:
    """``"127.0.0.1:8080:80/udp"`` → ``("127.0.0.1", "8080", "80", "udp")``; IPv6 hosts come in brackets."""
    body, _, protocol = text.partition("/")
    host_ip = ""
    if body.startswith("["):
        close = body.find("]")
        if close > 0:
            host_ip, body = body[: close + 1], body[close + 2 :]
    parts = body.split(":")
    if not host_ip and len(parts) == 3:
        host_ip, parts = parts[0], parts[1:]
    elif not host_ip and len(parts) > 3:  # an unbracketed IPv6 address
        host_ip, parts = ":".join(parts[:-2]), parts[-2:]
    published, target = (parts[0], parts[1]) if len(parts) == 2 else ("", parts[0])
    return host_ip, published, target, protocol or "tcp"


def _short(item: Scalar) -> PortBinding | None:
    # An unknown value is sorted by what is written, as dclint sorts it.
    text = (item.raw if item.unresolved else item.text).strip()
    if not text:
        return None
    host_ip, published, target, protocol = split_short_syntax(text)
    sort_key = published if host_ip else (text.partition("/")[0].split(":")[0])
    return PortBinding(item, host_ip, published, target, protocol, sort_key, known=not item.unresolved)


def _long(item: Mapping) -> PortBinding:
    def text(key: str) -> str:
        node = item.get(key)
        return node.text.strip() if isinstance(node, Scalar) else ""

    published = text("published")
    known = not any(isinstance(value, Scalar) and value.unresolved for _, value in item.pairs)
    protocol = text("protocol") or "tcp"
    return PortBinding(item, text("host_ip"), published, text("target"), protocol, published, known)


def _expand(value: str) -> list[int]:
    match = _RANGE.match(value.strip())
    if match is None or len(match.group(1)) > 9 or len(match.group(2) or "") > 9:
        return []
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first or last - first > _MAX_RANGE:
        return [first]
    return list(range(first, last + 1))
