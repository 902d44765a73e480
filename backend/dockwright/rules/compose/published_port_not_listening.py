from __future__ import annotations

from collections.abc import Iterator

from dockwright import knowledge
from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._servers import service_server


@register
class PublishedPortNotListening(ComposeRule):
    id = "DC050"
    knows = staticmethod(knowledge.listening_ports)
    slug = "published-port-not-listening"
    severity = Severity.WARNING
    title = "A published port is not one the service listens on"
    rationale = (
        "`ports: ['8080:80']` forwards the host's 8080 to the container's 80. When the server inside listens "
        "on another port (its command says `--port 8000`, its environment moves it, its nginx.conf listens on "
        "8080), every connection is refused although the container runs and looks healthy."
    )
    bad = (
        "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    ports:\n      - '3000:3000'\n"
        "    environment:\n      GF_SERVER_HTTP_PORT: '3001'\n"
    )
    good = (
        "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    ports:\n      - '3000:3001'\n"
        "    environment:\n      GF_SERVER_HTTP_PORT: '3001'\n"
    )
    fix_title = "Publish the container port the server listens on (the right-hand side of `ports`)"
    notes = (
        "What the service listens on is read as DF112 reads a Dockerfile: the stage the service builds (when "
        "the analysis has its Dockerfile) or what the image table knows of a pulled image (nginx, Caddy, "
        "Traefik, Grafana, pgAdmin, databases...), with the service's `command`, `entrypoint`, `environment`, "
        "`env_file` and mounted configuration files laid over it. When the command cannot be read, the ports the "
        "image declares (EXPOSE, `expose:`, the image table) are used instead. A service whose port may come "
        "from a convention (PORT for a Node.js server) is not judged. UDP ports and ranges are left alone."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).services:
            bindings = [b for b in service.ports if b.known and b.protocol == "tcp" and document.owns(b.node)]
            bindings = [b for b in bindings if len(b.target_ports()) == 1]
            if not bindings:
                continue
            server = service_server(service, context)
            certain = server.certain_ports
            if server.possible_ports - certain:
                continue  # a port read from a convention: the server may listen elsewhere
            described = server.describe_ports()
            if not certain:
                certain = server.declared_ports()
                described = _declared(certain)
            if not certain:
                continue
            for binding in bindings:
                port = binding.target_ports()[0]
                if port not in certain:
                    yield self.finding(
                        binding.node.span,
                        Message(
                            "service {name!r} publishes container port {port}, but {described}: connections to it are "
                            "refused",
                            name=service.name,
                            port=port,
                            described=described,
                        ),
                    )


def _declared(ports: set[int]) -> str:
    listed = ", ".join(str(p) for p in sorted(ports)[:5])
    return Message("its image only declares port {listed}", listed=listed)
