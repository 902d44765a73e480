from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Iterator
from dataclasses import replace

from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Scalar
from dockwright.context import LintContext
from dockwright.dockerfile.queries.listening import is_loopback
from dockwright.dockerfile.queries.server_configs import PROMETHEUS_CONFIG, prometheus_targets
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._endpoints import SCHEME_IMAGES, Endpoint, endpoints
from dockwright.rules.compose._servers import (
    ServiceServer,
    env_files,
    environment_entries,
    extra_hosts,
    host_names,
    joins_external_network,
    link_aliases,
    service_server,
)


@register
class ConnectionWrongHost(ComposeRule):
    id = "DC053"
    slug = "connection-wrong-host"
    severity = Severity.ERROR
    title = "A connection setting points at localhost, an unknown host or a host-side port"
    rationale = (
        "Each service runs in its own container: `localhost` there is that container, not the database next "
        "to it. Other services are reached by their service name and the port they listen on inside the "
        "network; the left-hand side of `ports` is the host's port and means nothing on the Compose network."
    )
    bad = (
        "services:\n  web:\n    image: python:3.12\n    environment:\n"
        "      DATABASE_URL: postgres://app@localhost:5432/app\n  db:\n    image: postgres:16\n"
    )
    good = (
        "services:\n  web:\n    image: python:3.12\n    environment:\n"
        "      DATABASE_URL: postgres://app@db:5432/app\n  db:\n    image: postgres:16\n"
    )
    fix_title = "Name the service (and its container port) instead"
    notes = (
        "Reads URLs (JDBC included, and lists of hosts), ADO.NET and Npgsql connection strings (`Server=`, "
        "`Data Source=`, `Host=`/`Port=`) and bare `host[:port]` values of variables named like a host "
        "(`*_HOST`, `*_ADDR`, `*_SERVERS`...) in `environment` and in the `env_file`s read with the analysis "
        "(reported on the `env_file` entry, citing the file's line, unless `environment` sets the same name), "
        "and the scrape targets of a Prometheus configuration mounted from beside the compose file (reported on "
        "the mount). A bare host takes its port from the variable beside it (`DB_HOST` with `DB_PORT`). "
        "localhost is reported when the port (or the scheme) belongs to another service of the project and not "
        "to the service itself; a service sharing "
        "another's network (`network_mode: service:...` or `host`) is skipped. A host that no service, "
        "`container_name`, `hostname`, network alias, link alias or `extra_hosts` entry answers to is reported "
        "when it has no dot and the project was read completely without external networks. A port that is "
        "only the target's published (host-side) port is reported too. The fix, offered when one service "
        "fits, is not applied by `--fix`."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        self._by_port: dict[int, list[Service]] | None = None
        self._by_image: dict[str, list[Service]] = {}
        project = document.project(context)
        everyone = project.all_services()
        names = host_names(everyone)
        server_of = functools.partial(service_server, context=context)  # read once per analysis by _servers

        closed = project.complete and not joins_external_network(document)

        def judge(service: Service, name: str, value: str, node: Scalar, endpoint: Endpoint) -> Finding | None:
            known = names.keys() | link_aliases(service) | extra_hosts(service)
            return self._judge(service, name, value, node, endpoint, everyone, names, known, closed, server_of)

        for service in project.services:
            if service.text("network_mode"):
                continue  # localhost is another service's (or the host's) network
            written = environment_entries(service, unresolved=True)
            values = {name: value for name, value, _ in written}
            for name, value, node in written:
                if not isinstance(node, Scalar) or not document.owns(node):
                    continue
                for endpoint in endpoints(name, value, values):
                    finding = judge(service, name, value, node, endpoint)
                    if finding is not None:
                        yield finding
                        break
            yield from self._env_files(service, document, context, {n for n, _, _ in written}, judge)
            yield from self._scrape_targets(service, server_of(service), judge)

    def _env_files(
        self,
        service: Service,
        document: ComposeFile,
        context: LintContext,
        overridden: set[str],
        judge: Callable[[Service, str, str, Scalar, Endpoint], Finding | None],
    ) -> Iterator[Finding]:
        """The same judgement for the service's `env_file`s, reported on the `env_file` entry and citing the
        line; a variable that `environment` sets too is Compose's `environment` value, judged above."""
        for env_file in env_files(service, context):
            if not isinstance(env_file.node, Scalar) or not document.owns(env_file.node):
                continue
            values = {entry.key: entry.value for entry in env_file.entries}
            for entry in env_file.entries:
                if entry.key in overridden:
                    continue
                for endpoint in endpoints(entry.key, entry.value, values):
                    finding = judge(service, entry.key, entry.value, env_file.node, endpoint)
                    if finding is not None:
                        yield replace(
                            finding,
                            span=env_file.node.span,
                            message=f"{env_file.path} line {entry.line}: {finding.message}",
                            fix=None,  # the value is in another file than the one linted
                        )
                        break

    def _scrape_targets(
        self,
        service: Service,
        server: ServiceServer,
        judge: Callable[[Service, str, str, Scalar, Endpoint], Finding | None],
    ) -> Iterator[Finding]:
        """Prometheus's scrape targets, from the configuration mounted beside the compose file: a target on
        localhost is the Prometheus container itself, reported on the mount and citing the line."""
        if server.process is None or server.facts is None or server.facts.image != "prometheus":
            return
        words = [arg.value for arg in (*server.process.entrypoint, *server.process.command)]
        path = next((w.split("=", 1)[1] for w in words if w.startswith("--config.file=")), PROMETHEUS_CONFIG)
        file = server.process.files.get(posixpath.normpath(path))
        if file is None or file.content is None or file.span is None or file.span not in server.compose_spans:
            return
        for target in prometheus_targets(file.content):
            endpoint = Endpoint(target.host, target.port, "http", 0, len(target.host))
            finding = judge(service, "the scrape target", target.text, service.key, endpoint)
            if finding is not None:
                yield replace(
                    finding, span=file.span, message=f"{file.source} line {target.line}: {finding.message}", fix=None
                )

    def _judge(
        self,
        service: Service,
        name: str,
        value: str,
        node: Scalar,
        endpoint: Endpoint,
        everyone: list[Service],
        names: dict[str, Service],
        known: set[str],
        closed: bool,
        server_of: Callable[[Service], ServiceServer],
    ) -> Finding | None:
        host = endpoint.host.lower()
        span = _span(node, value, endpoint)
        if is_loopback(host):
            port = endpoint.effective_port
            own = server_of(service)
            if port is None or port in own.possible_ports | own.declared_ports():
                return None
            candidates = [
                other
                for other in self._serving(everyone, server_of, port, endpoint.scheme)
                if other.name != service.name
            ]
            if not candidates:
                return None
            meant = candidates[0]
            what = (
                Message("port {port}", port=port)
                if len(candidates) == 1
                else Message(
                    "port {port} (and {candidates_count} more)", port=port, candidates_count=len(candidates) - 1
                )
            )
            fix = None
            if len(candidates) == 1 and span is not None:
                fix = Fix(Message("Connect to {name!r}", name=meant.name), (Edit(span, meant.name),))
            return self.finding(
                span or node.span,
                Message(
                    "`{host}` in {name} is the {name2!r} container itself; service {name3!r} listens on "
                    "{what}: the connection is refused",
                    host=endpoint.host,
                    name=name,
                    name2=service.name,
                    name3=meant.name,
                    what=what,
                ),
                fix,
            )
        target_service = names.get(host)
        if target_service is None:
            if closed and "." not in host and host not in known and not host.isdigit():
                return self.finding(
                    span or node.span,
                    Message(
                        "{name} connects to `{host}`, but no service or alias of the project is named {host!r}: "
                        "the name does not resolve",
                        name=name,
                        host=endpoint.host,
                    ),
                )
            return None
        if endpoint.port is None:
            return None
        target = server_of(target_service)
        listening = target.certain_ports or target.declared_ports()
        if not listening or endpoint.port in listening or target.possible_ports - target.certain_ports:
            return None
        published = {p for b in target_service.ports for p in b.published_ports()}
        inside = ", ".join(str(p) for p in sorted(listening)[:3])
        if endpoint.port in published:
            return self.finding(
                span or node.span,
                Message(
                    "{name} connects to {host}:{port}, but {port} is the port {name2!r} publishes on the host; "
                    "on the Compose network it listens on {inside}: the connection is refused",
                    name=name,
                    host=endpoint.host,
                    port=endpoint.port,
                    name2=target_service.name,
                    inside=inside,
                ),
            )
        return None

    def _serving(
        self, everyone: list[Service], server_of: Callable[[Service], ServiceServer], port: int, scheme: str
    ) -> list[Service]:
        """The services that listen on ``port`` or run the image of the scheme's server, indexed once."""
        if self._by_port is None:
            self._by_port, self._by_image = {}, {}
            for other in everyone:
                server = server_of(other)
                for number in server.certain_ports | server.declared_ports():
                    self._by_port.setdefault(number, []).append(other)
                if server.facts is not None and server.stage is None:
                    self._by_image.setdefault(server.facts.image, []).append(other)
        found = list(self._by_port.get(port, []))
        for image in SCHEME_IMAGES.get(scheme, ()):
            found.extend(o for o in self._by_image.get(image, []) if o not in found)
        return found


def _span(node: Scalar, value: str, endpoint: Endpoint) -> Span | None:
    """The host's span in the file, when the value is written as is (no interpolation changed it): the whole
    scalar of a mapping entry, or what follows `NAME=` in a list item."""
    shift = 0 if node.raw == value else len(node.raw) - len(value)
    if node.raw[shift:] != value or (shift and node.raw[shift - 1] != "="):
        return None
    return node.offset_span(shift + endpoint.start, shift + endpoint.end)
