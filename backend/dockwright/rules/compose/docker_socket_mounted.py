from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

_SOCKETS = ("docker.sock", "podman.sock", "containerd.sock")


@register
class DockerSocketMounted(ComposeRule):
    id = "DC027"
    slug = "docker-socket-mounted"
    severity = Severity.ERROR
    title = "The Docker socket is mounted into a container"
    rationale = (
        "Whoever can talk to the Docker socket can start a privileged container with the host's root "
        "filesystem mounted: it is root on the host, read-only mount or not. Use a socket proxy that "
        "allows only the API calls needed, or rootless Docker."
    )
    bad = (
        "services:\n  ui:\n    image: portainer/portainer-ce:2.21.0\n    volumes:\n"
        "      - /var/run/docker.sock:/var/run/docker.sock"
    )
    good = (
        "services:\n  ui:\n    image: portainer/portainer-ce:2.21.0\n    environment:\n"
        "      DOCKER_HOST: tcp://socket-proxy:2375"
    )
    fix_title = "Go through a restricted socket proxy instead of mounting the socket"

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            for mount in service.mounts:
                source = mount.source.replace("\\", "/").rstrip("/")
                if mount.type == "bind" and source.endswith(_SOCKETS):
                    yield self.finding(
                        mount.node.span,
                        Message(
                            "service {name!r} mounts the container engine socket {source}",
                            name=service.name,
                            source=mount.source,
                        ),
                    )
