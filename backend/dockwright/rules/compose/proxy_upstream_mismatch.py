from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence
from dockwright.context import LintContext
from dockwright.dockerfile.queries.server_configs import nginx_directives, nginx_passes, read_caddyfile
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._servers import (
    ServiceServer,
    extra_hosts,
    host_names,
    joins_external_network,
    link_aliases,
    service_server,
)

_TRAEFIK_PORT = re.compile(r"^traefik\.http\.services\.[^.]+\.loadbalancer\.server\.port$")
_SINGLE_LABEL = re.compile(r"^[a-z0-9]([a-z0-9_-]*[a-z0-9])?$")


@register
class ProxyUpstreamMismatch(ComposeRule):
    id = "DC052"
    slug = "proxy-upstream-mismatch"
    severity = Severity.WARNING
    title = "A reverse proxy sends requests to a port or host no service listens on"
    rationale = (
        "nginx's `proxy_pass`/`upstream`, Caddy's `reverse_proxy` and Traefik's `loadbalancer.server.port` name "
        "the service and port requests go to. When the service listens elsewhere, or no service has that name, "
        "the proxy answers every request with 502 Bad Gateway."
    )
    bad = (
        "services:\n  api:\n    image: python:3.12-slim\n    command: uvicorn app:app --host 0.0.0.0 --port 8000\n"
        "    labels:\n      - traefik.http.services.api.loadbalancer.server.port=8080\n"
    )
    good = (
        "services:\n  api:\n    image: python:3.12-slim\n    command: uvicorn app:app --host 0.0.0.0 --port 8000\n"
        "    labels:\n      - traefik.http.services.api.loadbalancer.server.port=8000\n"
    )
    fix_title = "Point the proxy at the port the service listens on (or at a service that exists)"
    notes = (
        "Reads nginx configurations and Caddyfiles the proxy service mounts from beside the compose file or "
        "copies in the Dockerfile it builds, and Traefik labels. A mounted configuration is reported on its "
        "mount, naming the file and line. Ports are judged as DC050 judges them; a host is unknown when it is "
        "no service name, `container_name`, `hostname`, network alias, link alias or `extra_hosts` entry of the "
        "project, has no dot and the project was read completely (no unreadable include, no external network)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        project = document.project(context)
        everyone = project.all_services()
        names = host_names(everyone)
        server_of = functools.partial(service_server, context=context)  # read once per analysis by _servers

        closed = project.complete and not joins_external_network(document)
        for service in project.services:
            yield from self._labels(service, server_of)
            proxy = server_of(service)
            if proxy.process is None:
                continue
            known = names.keys() | link_aliases(service) | extra_hosts(service)
            for path, file in proxy.process.files.items():
                if file.content is None or not (path.startswith(("/etc/nginx", "/etc/caddy"))):
                    continue
                at = file.span if file.span in proxy.compose_spans else service.key.span
                for line, host, port in _upstreams(path, file.content):
                    target = names.get(host.lower())
                    where = Message("{source} line {line}", source=file.source, line=line)
                    if target is None:
                        if closed and _SINGLE_LABEL.match(host.lower()) and host.lower() not in known:
                            yield self.finding(
                                at,
                                Message(
                                    "{where} sends requests to `{host}:{port}`, but no service or "
                                    "alias is named {host!r}: the "
                                    "proxy answers 502",
                                    where=where,
                                    host=host,
                                    port=port,
                                ),
                            )
                        continue
                    message = _mismatch(server_of(target), port)
                    if message is not None:
                        yield self.finding(
                            at,
                            Message(
                                "{where} sends requests to `{host}:{port}`, but {message}: the proxy answers 502",
                                where=where,
                                host=host,
                                port=port,
                                message=message,
                            ),
                        )

    def _labels(self, service: Service, server_of: Callable[[Service], ServiceServer]) -> Iterator[Finding]:
        for key, value, node in _labels(service):
            if not _TRAEFIK_PORT.match(key) or not value.isdigit() or len(value) > 5:
                continue
            message = _mismatch(server_of(service), int(value))
            if message is not None:
                yield self.finding(
                    node.span,
                    Message(
                        "Traefik sends requests for {name!r} to port {value}, but {message}: it answers 502",
                        name=service.name,
                        value=value,
                        message=message,
                    ),
                )


def _mismatch(server: ServiceServer, port: int) -> str | None:
    """Why ``port`` is not one the service listens on, or None when it is (or nothing is known)."""
    certain = server.certain_ports
    if server.possible_ports - certain:
        return None
    described = Message(
        "in service {name!r}, {describe_ports}", name=server.service.name, describe_ports=server.describe_ports()
    )
    if not certain:
        certain = server.declared_ports()
        listed = ", ".join(str(p) for p in sorted(certain)[:5])
        described = Message("service {name!r} only declares port {listed}", name=server.service.name, listed=listed)
    if not certain or port in certain:
        return None
    return described


def _upstreams(path: str, content: str) -> list[tuple[int, str, int]]:
    if path.startswith("/etc/nginx"):
        return [
            (address.line, address.host, address.port)
            for _, address in nginx_passes(nginx_directives(content))
            if address.port is not None
        ]
    config = read_caddyfile(content)
    return [(a.line, a.host, a.port) for a in config.upstreams if a.port is not None]


def _labels(service: Service) -> list[tuple[str, str, Node]]:
    node = service.get("labels")
    found: list[tuple[str, str, Node]] = []
    if isinstance(node, Mapping):
        for key, value in node.pairs:
            if isinstance(value, Scalar) and not value.unresolved:
                found.append((key.raw, value.text.strip(), value))
    elif isinstance(node, Sequence):
        for item in node.items:
            if isinstance(item, Scalar) and not item.unresolved and "=" in item.text:
                name, _, text = item.text.partition("=")
                found.append((name.strip(), text.strip(), item))
    return found
