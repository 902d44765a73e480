from __future__ import annotations

import posixpath
from collections.abc import Iterator

from dockwright.compose.bundle import DEFAULT_NAMES, lookup
from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.mounts import Mount
from dockwright.compose.parser import parse_compose
from dockwright.context import LintContext
from dockwright.dockerfile.model import Stage
from dockwright.dockerfile.queries.paths import copy_paths, normalize, workdir_at
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._production import development_file, production_environment, production_file
from dockwright.rules.compose._servers import service_server


@register
class SourceMountInProduction(ComposeRule):
    id = "DC058"
    slug = "source-mount-in-production"
    severity = Severity.WARNING
    title = "A production service bind-mounts the source tree over the image's application"
    rationale = (
        "A bind mount of the checkout over the folder the image copied the application into hides the image: "
        "production runs whatever files the host has (uncommitted edits, another branch, no installed "
        "dependencies such as vendor/ or node_modules), not the image that was built and tested. Keep source "
        "mounts in a development override file."
    )
    bad = (
        "services:\n  web:\n    build:\n      dockerfile_inline: |\n        FROM python:3.12-slim\n"
        "        WORKDIR /app\n        COPY . .\n    environment:\n      APP_ENV: production\n"
        "    volumes:\n      - .:/app\n"
    )
    good = (
        "services:\n  web:\n    build:\n      dockerfile_inline: |\n        FROM python:3.12-slim\n"
        "        WORKDIR /app\n        COPY . .\n    environment:\n      APP_ENV: production\n"
        "    volumes:\n      - ./logs:/app/logs\n"
    )
    fix_title = "Move the source mount to a development override (compose.override.yaml)"
    notes = (
        "A file counts as production when its name says so (`docker-compose.prod.yml`, `compose.production.yaml`) "
        "or the service's environment (with its env_file) does (NODE_ENV, RAILS_ENV, APP_ENV and the like set "
        "to production/prod, or DEBUG/DJANGO_DEBUG/APP_DEBUG off); override, dev, local, test and CI files never "
        "do. The mount is reported when it binds a folder beside the compose file onto the working directory of "
        "the stage the service builds, or onto where a COPY put the build context's files. A production file "
        "that only adds settings to a service (`-f compose.yaml -f compose.prod.yaml`) is read with the base "
        "compose file beside it. Configuration files, log and data folders are left alone."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        name = posixpath.basename((context.filename or "").replace("\\", "/"))
        if development_file(name):
            return
        for_production = production_file(name)
        for service in document.project(context).services:
            mounts = [m for m in service.mounts if m.type == "bind" and document.owns(m.node) and _local(m)]
            if not mounts:
                continue
            server = service_server(service, context)
            stage = server.stage or _base_stage(service, name, context)
            if stage is None:
                continue
            if not for_production and not production_environment(server.process.env if server.process else {}):
                continue
            app_dirs = _application_folders(stage)
            for mount in mounts:
                target = posixpath.normpath(mount.target)
                if target in app_dirs:
                    yield self.finding(
                        mount.node.span,
                        Message(
                            "service {name!r} mounts {source} over {target}, where its image holds the application: "
                            "production runs the host's files, not the image that was built",
                            name=service.name,
                            source=mount.source,
                            target=target,
                        ),
                    )


def _local(mount: Mount) -> bool:
    """A folder of the project (`.`, `./app`, `../src`), not a host path or a single file."""
    source = mount.source.replace("\\", "/")
    if source.startswith(("/", "~")):
        return False
    return posixpath.splitext(source.rstrip("/"))[1] == "" or source.rstrip("/") in (".", "..")


def _application_folders(stage: Stage) -> set[str]:
    """The final working directory and the folders COPY filled with files of the build context."""
    folders: set[str] = set()
    workdir = None
    for instruction in lineage_instructions(stage):
        if instruction.keyword == "WORKDIR" and instruction.words:
            expansion = instruction.expand(instruction.words[0].value)
            workdir = None if expansion.undefined else normalize(expansion.value, workdir or "/")
        elif instruction.keyword in ("COPY", "ADD") and instruction.flag("from") is None:
            paths = copy_paths(instruction)
            destination = paths.absolute_destination(workdir_at(instruction)) if paths is not None else None
            if destination is None or paths is None:
                continue
            for source in paths.sources:
                text = instruction.expand(source.value).value
                if text.endswith("/") or posixpath.splitext(text)[1] == "" or text in (".", "./"):
                    folders.add(destination)
    if workdir is not None:
        folders.add(workdir)
    return folders


def _base_stage(service: Service, linted: str, context: LintContext) -> Stage | None:
    """For a file that only adds settings (`docker-compose.prod.yml`), the stage that the base compose file beside
    it builds for the same service."""
    if service.get("build") is not None or service.get("image") is not None:
        return None
    for name in DEFAULT_NAMES:
        if name == linted:
            continue
        text = lookup(context.files, name)
        if text is None:
            continue
        base = parse_compose(text)
        base.prepare(context)
        written = base.service(service.name)
        return service_server(written, context).stage if written is not None else None
    return None
