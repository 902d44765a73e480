from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Node, Scalar, Sequence
from dockwright.context import LintContext
from dockwright.dockerfile.queries.listening import Listener, command_args, local_urls
from dockwright.dockerfile.queries.ports import PortSpec, exposed_ports
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message, and_list
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._servers import ServiceServer, env_files, environment_entries, service_server


@register
class PortMovedFromDockerfile(ComposeRule):
    id = "DC070"
    slug = "port-moved-from-dockerfile"
    severity = Severity.WARNING
    title = "The compose file moves the server off the port its Dockerfile's EXPOSE or HEALTHCHECK names"
    rationale = (
        "A Dockerfile's EXPOSE and HEALTHCHECK name the port its server listens on. When the compose file moves "
        "the server (`PORT: 4000` in `environment`, `--port 8000` in `command`), they still name the old one: "
        "the image's health check asks a port nothing answers, so the container never becomes healthy, and "
        "Traefik (which routes to a container's only exposed port), `docker run -P` and whoever reads the "
        "Dockerfile connect to nothing."
    )
    bad = (
        "services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM node:22-alpine\n"
        '        EXPOSE 3000\n        CMD ["node", "server.js"]\n    environment:\n      PORT: "4000"\n'
    )
    good = (
        "services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM node:22-alpine\n"
        '        EXPOSE 4000\n        CMD ["node", "server.js"]\n    environment:\n      PORT: "4000"\n'
    )
    fix_title = "Make the Dockerfile's EXPOSE and HEALTHCHECK use the port the service listens on (or keep its port)"
    notes = (
        "Judged only when the analysis has the Dockerfile the service builds (or its `dockerfile_inline`), and "
        "only when the service's `environment`, `env_file`, `command` or `entrypoint` moves the server to a port "
        "that is certain: read as DF112 reads a Dockerfile, and PORT for a Node.js server only when it is set "
        "where the container runs. The finding is on the compose setting that moves the port and names the "
        "Dockerfile's line (`api/Dockerfile line 8 EXPOSEs 3000`). EXPOSE is reported when none of its ports, nor "
        "of the service's `expose:`, is one the server listens on; the HEALTHCHECK when the compose file leaves it "
        "in force and its URL points into the container at another port. When the Dockerfile already disagrees "
        "with its own server, DF112 reports it there (and DC037 here) instead."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).services:
            server = service_server(service, context)
            if server.stage is None or server.dockerfile is None or server.configured_unreadably:
                continue  # without the Dockerfile, what it declares is unknown
            if any(not lis.certain and lis.port is not None for lis in server.listening):
                continue  # a port read from a convention: the server may listen elsewhere
            listening = _ports(server.listening)
            own = _ports(server.image_listening)
            moved = [lis for lis in server.listening if _counts(lis) and lis.port not in own]
            if not moved:
                continue  # the compose file leaves the server where the image has it
            # The settings that move it, each with what it makes the server listen on.
            moves: dict[int, tuple[Node, Message | None, list[str]]] = {}
            for listener in moved:
                where = _moved_by(listener, server, context)
                if where is not None and document.owns(where[0]):
                    described = moves.setdefault(id(where[0]), (*where, []))[2]
                    if listener.describe_port() not in described:
                        described.append(listener.describe_port())
            for stale in _stale(server, listening, own) if moves else ():
                for node, env_line, described in moves.values():
                    message = Message("{listens}, but {stale}", listens=and_list(described[:3]), stale=stale)
                    if env_line is not None:
                        message = Message("{where}: {message}", where=env_line, message=message)
                    yield self.finding(node.span, message)


def _stale(server: ServiceServer, listening: set[int], own: set[int]) -> Iterator[Message]:
    """What the Dockerfile still says: its EXPOSE instructions and HEALTHCHECK URL naming a port the service no
    longer listens on, but one the image's own server used (or when it used no port known): otherwise the
    Dockerfile disagrees with itself, which DF112 reports there."""
    assert server.stage is not None
    instructions = lineage_instructions(server.stage)
    exposed = [
        (instruction, [int(spec.container_port) for spec in exposed_ports(instruction) if _tcp_port(spec)])
        for instruction in instructions
        if instruction.keyword == "EXPOSE"
    ]
    exposed = [(instruction, ports) for instruction, ports in exposed if ports]
    every_exposed = {port for _, ports in exposed for port in ports} | server.compose_exposed()
    if exposed and not every_exposed & listening and (not own or every_exposed & own):
        for instruction, ports in exposed:
            yield Message(
                "{dockerfile} line {line} EXPOSEs {ports}: whoever publishes or proxies the port the image "
                "declares reaches nothing",
                dockerfile=server.dockerfile,
                line=instruction.line,
                ports=and_list([str(port) for port in ports[:5]]),
            )
    checks = [i for i in instructions if i.keyword == "HEALTHCHECK"]
    if server.service.healthcheck_setting() is not None or not checks:
        return  # the compose file sets its own test, or turns the check off
    check = checks[-1]
    if not check.words or check.words[0].value.upper() != "CMD":
        return
    for use in local_urls(command_args(check)):
        if use.port not in listening and (not own or use.port in own):
            yield Message(
                "the HEALTHCHECK in {dockerfile} line {line} asks port {port}: the container never becomes healthy",
                dockerfile=server.dockerfile,
                line=check.line,
                port=use.port,
            )
            return


def _moved_by(listener: Listener, server: ServiceServer, context: LintContext) -> tuple[Node, Message | None] | None:
    """The compose setting that gives the listener its port, and how to cite an env file's line (None when the
    setting is written in the compose file itself); None when the compose file does not set it."""
    setting = listener.port_setting
    service = server.service
    if setting is not None and setting.span is None and setting.at_run:
        env = server.process.env if server.process is not None else {}
        name = next((key for key, arg in env.items() if arg == setting), None)
        return _env_file_entry(service, name, context) if name is not None else None
    # Without a setting, a command replaced in the compose file: the new program listens on its default port.
    span = setting.span if setting is not None else listener.program_span
    if span is None or span not in server.compose_spans:
        return None
    node = _written_at(service, span)
    return (node, None) if node is not None else None


def _written_at(service: Service, span: Span) -> Node | None:
    """The `environment`, `command` or `entrypoint` node of the service written at ``span``."""
    for _, _, node in environment_entries(service):
        if node.span == span:
            return node
    for key in ("command", "entrypoint"):
        written = service.get(key)
        if written is not None and written.span == span:
            return written
        if isinstance(written, Sequence):
            for item in written.items:
                if item.span == span:
                    return item
    return None


def _env_file_entry(service: Service, name: str, context: LintContext) -> tuple[Node, Message | None] | None:
    """The `env_file` entry whose file sets ``name`` (the last one: later files win), and its line."""
    for env_file in reversed(env_files(service, context)):
        entry = next((entry for entry in reversed(env_file.entries) if entry.key == name), None)
        if entry is not None and isinstance(env_file.node, Scalar):
            return env_file.node, Message("{source} line {line}", source=env_file.path, line=entry.line)
    return None


def _counts(listener: Listener) -> bool:
    return listener.certain and listener.port is not None and not listener.admin


def _ports(listening: list[Listener]) -> set[int]:
    return {lis.port for lis in listening if _counts(lis) and lis.port is not None}


def _tcp_port(spec: PortSpec) -> bool:
    port = spec.container_port
    return port.isdigit() and len(port) <= 5 and spec.protocol.lower() != "udp"
