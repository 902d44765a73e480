from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

# Host directories (and files) whose bind mount hands the container the host's configuration, binaries,
# kernel interfaces or credentials. /etc/localtime and friends are fine and not listed.
SYSTEM_PATHS = frozenset(
    {
        "/", "/bin", "/boot", "/dev", "/etc", "/etc/passwd", "/etc/shadow", "/etc/sudoers", "/etc/ssh", "/lib",
        "/lib64", "/proc", "/root", "/root/.ssh", "/run", "/sbin", "/sys", "/usr", "/var", "/var/lib",
        "/var/lib/docker", "/var/run",
    }
)  # fmt: skip


@register
class HostSystemPathMounted(ComposeRule):
    id = "DC036"
    slug = "host-system-path-mounted"
    severity = Severity.WARNING
    title = "A host system directory is bind-mounted"
    rationale = (
        "Mounting /, /etc, /proc, /var/lib/docker and the like exposes (or, writable, lets the container "
        "change) the host's configuration, credentials and kernel interfaces; mount the one file or "
        "directory needed, read-only."
    )
    bad = "services:\n  agent:\n    image: example/agent:1.0\n    volumes:\n      - /etc:/host/etc"
    good = "services:\n  agent:\n    image: example/agent:1.0\n    volumes:\n      - /etc/localtime:/etc/localtime:ro"
    fix_title = "Mount only the specific file or directory needed, read-only"

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            for mount in service.mounts:
                path = mount.host_path
                if path in SYSTEM_PATHS:
                    access = Message("read-only") if mount.read_only else Message("writable")
                    yield self.finding(
                        mount.node.span,
                        Message(
                            "service {name!r} mounts the host's {path} ({access})",
                            name=service.name,
                            path=path,
                            access=access,
                        ),
                    )
