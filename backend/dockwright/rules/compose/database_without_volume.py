from __future__ import annotations

from collections.abc import Iterator

from dockwright import knowledge
from dockwright.compose.model import ComposeFile
from dockwright.compose.ports import DATA_PORTS
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._data_dirs import data_directory, data_mounts, persistence_asked, runs_image_server
from dockwright.rules.compose._servers import service_server


@register
class DatabaseWithoutVolume(ComposeRule):
    id = "DC059"
    knows = staticmethod(knowledge.data_directories)
    slug = "database-without-volume"
    severity = Severity.WARNING
    title = "A database or broker keeps its data without a volume"
    rationale = (
        "Without a volume on its data directory, a database writes into the container: into an anonymous "
        "volume when the image declares one (orphaned by `docker compose down`, a fresh empty one at the next "
        "`up`), or into the container's own layer, gone when it is recreated. Name a volume for it."
    )
    bad = "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n"
    good = (
        "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n"
        "    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n"
    )
    fix_title = "Mount a named volume on the data directory"
    notes = (
        "Services whose image the image table knows as a database, cache or broker (PostgreSQL, MySQL, "
        "MariaDB, MongoDB, Redis, RabbitMQ, Elasticsearch, SQL Server...), pulled or built on. A service with "
        "any volume, or a bind mount of a directory, is left to DC060 (a volume at the wrong path); a tmpfs on "
        "the data directory says the data is meant to be thrown away. One-shot jobs run from a database image "
        '(another `entrypoint` or command, `restart: "no"`, or awaited with `service_completed_successfully`) '
        "are no database. Redis counts as a database only when its "
        "command asks for persistence (`--appendonly yes`, `--save 60 1`): by default it is used as a cache."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        project = document.project(context)
        jobs = project.awaited_completion()
        for service in project.first_defined_here():
            if service.incomplete or "volumes_from" in service.body or service.name in jobs:
                continue
            if not runs_image_server(service):
                continue
            server = service_server(service, context)
            facts = server.facts
            if facts is None or not any(p.number in DATA_PORTS for p in facts.ports):
                continue
            directory = data_directory(server)
            if directory is None or not persistence_asked(facts, server):
                continue
            if data_mounts(service, context) or "tmpfs" in service.body:
                continue
            where = (
                Message("an anonymous volume that `docker compose down` orphans")
                if any(v == directory.path or directory.path.startswith(v + "/") for v in facts.volumes)
                else Message("the container's own layer, lost when it is recreated")
            )
            yield self.finding(
                service.key.span,
                Message(
                    "service {name!r} ({image}) keeps its data in {path} and no volume is mounted there: it "
                    "lives in {where}",
                    name=service.name,
                    image=facts.image,
                    path=directory.path,
                    where=where,
                ),
            )
