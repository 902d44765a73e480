from __future__ import annotations

from collections.abc import Iterator

from dockwright import knowledge
from dockwright.compose.edits import scalar_content_start
from dockwright.compose.model import ComposeFile
from dockwright.compose.mounts import Mount
from dockwright.compose.nodes import Scalar
from dockwright.context import LintContext
from dockwright.dockerfile.queries.paths import is_within
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._data_dirs import aimed_at_data, data_directory, data_mounts, keeps, runs_image_server
from dockwright.rules.compose._servers import service_server

_POSTGRES_OLD_DATA = "/var/lib/postgresql/data"


@register
class WrongDataDirectory(ComposeRule):
    id = "DC060"
    knows = staticmethod(knowledge.data_directories)
    slug = "wrong-data-directory"
    severity = Severity.ERROR
    title = "A volume is mounted where the image does not keep its data"
    rationale = (
        "A volume only keeps what is written under its mount point. Mounted beside the data directory (MySQL's "
        "/var/lib/mysql/data, Redis at /var/lib/redis, Prometheus at /var/lib/prometheus), or above one the "
        "image declares as its own VOLUME (mongo at /data), it stays empty while the data goes to an anonymous "
        "volume; postgres 18 even refuses to start with a volume at /var/lib/postgresql/data."
    )
    bad = (
        "services:\n  db:\n    image: postgres:18\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n"
        "    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n"
    )
    good = (
        "services:\n  db:\n    image: postgres:18\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n"
        "    volumes:\n      - db-data:/var/lib/postgresql\nvolumes:\n  db-data:\n"
    )
    fix_title = "Mount the volume on the image's data directory"
    notes = (
        "The data directory comes from the image table, by version (postgres 18 keeps PGDATA in "
        "/var/lib/postgresql/18/docker and declares /var/lib/postgresql its VOLUME), moved by the service's "
        "environment (PGDATA) or command (`--storage.tsdb.path`, `--datadir`, `--dir`, `--dbpath`). A mount "
        "is judged only when none keeps the data and it looks meant to (inside or above the data directory, "
        "under /var/lib, /data, /var/opt or /srv, or named after the image); configuration files and "
        "init-script folders are left alone. The fix rewrites the mount's container path when it is written "
        "as `source:target`."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).services:
            if not runs_image_server(service):
                continue
            server = service_server(service, context)
            facts = server.facts
            directory = data_directory(server)
            if facts is None or directory is None:
                continue
            mounts = data_mounts(service, context)
            if not mounts or any(keeps(m, directory.path, facts) for m in mounts):
                continue
            moved = Message(" ({moved_by})", moved_by=directory.moved_by) if directory.moved_by else ""
            version = f" {facts.version.split('.')[0]}" if facts.version else ""
            for mount in mounts:
                if not document.owns(mount.node) or not aimed_at_data(mount, directory.path, facts):
                    continue
                target = mount.target.rstrip("/") or "/"
                anonymous = any(is_within(directory.path, v) for v in facts.volumes)
                if facts.image == "postgres" and target == _POSTGRES_OLD_DATA and not directory.moved_by:
                    consequence = Message("the image refuses to start with a volume there (PGDATA moved in 18)")
                elif is_within(directory.path, target):
                    consequence = Message(
                        "the image's own VOLUME inside it takes the data, and this volume stays empty"
                    )
                elif anonymous:
                    consequence = Message("this volume stays empty and the data goes to an anonymous volume")
                else:
                    consequence = Message("this volume stays empty and the data is lost with the container")
                yield self.finding(
                    mount.node.span,
                    Message(
                        "{image}{version} keeps its data in {path}{moved}, not {target}: {consequence}",
                        image=facts.image,
                        version=version,
                        path=directory.path,
                        moved=moved,
                        target=target,
                        consequence=consequence,
                    ),
                    _fix(mount, directory.path, self.fix_title),
                )


def _fix(mount: Mount, directory: str, title: str) -> Fix:
    """Rewrite the container path of a `source:target[:mode]` mount."""
    node = mount.node
    start = scalar_content_start(node) if isinstance(node, Scalar) else None
    written = f":{mount.target}"
    if start is None or not isinstance(node, Scalar) or node.unresolved or node.raw.count(written) != 1:
        return Fix(title)
    line, column = start
    column += node.raw.find(written) + 1
    edit = Edit(Span(line, column, line, column + len(mount.target)), directory)
    return Fix(Message("Mount it on {directory}", directory=directory), (edit,))
