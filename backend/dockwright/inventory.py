"""What a file puts into production, for an inventory across many files: the images it starts from (a Dockerfile's
base images, a compose file's `image:`s), what runs as root, and which database ports it publishes.

Read from the parsed model through the same query layer the rules use (stages and users of a Dockerfile, a compose
service's ports and image), so an inventory and a review never disagree on what a file says. Small and bounded:
at most ``MAX_ITEMS`` entries of each kind per file, the rest counted in ``omitted``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from dockwright.compose.environment import project_environment
from dockwright.compose.model import ComposeFile
from dockwright.data.images import facts_for
from dockwright.dockerfile.image import ImageRef, parse_image
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.users import ROOT_USERS, base_runs_as_root, last_user, user_name

# Entries of each kind kept per file: a compose file of thousands of services stays a few hundred KB of facts.
MAX_ITEMS = 200
# Bumped when the shape of the facts changes, so readers can tell facts of an older shape.
FACTS_VERSION = 1


@dataclass(frozen=True)
class ImageUse:
    """An image a file starts from: a stage's `FROM` or a service's `image:`."""

    reference: str  # variables substituted, as Docker reads it
    name: str  # `python`, `ghcr.io/org/app` (Docker Hub's `library/` and registry left out)
    tag: str  # "" when the reference names none (Docker pulls `latest`) or only a digest
    digest: str
    line: int
    where: str  # the stage's name (or number) or the service's name


@dataclass(frozen=True)
class RootUse:
    """Something that runs as root: a Dockerfile's final stage or a compose service."""

    where: str
    line: int
    user: str  # the user it runs as, as written (`root`, `0:0`), or the image's default user
    reason: str  # "user": the file sets it (USER, `user:`); "image": the image's default and nothing sets another
    image: str  # the image it runs, when known


@dataclass(frozen=True)
class DatabasePort:
    """A published port of a database, cache or broker (the container ports DC025 knows)."""

    where: str
    line: int
    database: str  # "PostgreSQL"
    host_ip: str  # "" for every interface
    published: str  # the host port or range; "" when Compose picks one
    target: str
    protocol: str
    all_interfaces: bool
    image: str


@dataclass
class FileInventory:
    images: list[ImageUse] = field(default_factory=list)
    root: list[RootUse] = field(default_factory=list)
    database_ports: list[DatabasePort] = field(default_factory=list)
    omitted: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "version": FACTS_VERSION,
            "images": [asdict(item) for item in self.images],
            "root": [asdict(item) for item in self.root],
            "database_ports": [asdict(item) for item in self.database_ports],
            "omitted": self.omitted,
        }

    def _add(self, items: list[Any], item: Any) -> None:
        if len(items) < MAX_ITEMS:
            items.append(item)
        else:
            self.omitted += 1


def file_inventory(document: Any, files: Mapping[str, str] | None = None) -> FileInventory:
    """The inventory of a parsed Dockerfile or compose file (what :func:`dockwright.lint.lint` returns as
    ``document``); ``files`` are the project's other files, whose `.env` a compose file is interpolated with."""
    if isinstance(document, Dockerfile):
        return _dockerfile_inventory(document)
    if isinstance(document, ComposeFile) and document.foreign is None:
        document.interpolate_with(project_environment(files or {}))
        return _compose_inventory(document)
    return FileInventory()


def image_name(image: ImageRef) -> str:
    """The name an inventory groups by: the repository, with its registry unless it is Docker Hub."""
    if image.registry in (None, "docker.io", "index.docker.io"):
        return image.repository
    return f"{image.registry}/{image.repository}"


def _image_use(image: ImageRef, line: int, where: str) -> ImageUse:
    return ImageUse(image.raw.strip(), image_name(image), image.tag or "", image.digest or "", line, where)


def _dockerfile_inventory(document: Dockerfile) -> FileInventory:
    found = FileInventory()
    for stage in document.stages:
        if stage.base_stage is not None or stage.image is None or stage.image.is_scratch:
            continue  # built on an earlier stage, a variable without a value, or no image at all
        where = stage.name or str(stage.index)
        found._add(found.images, _image_use(stage.image, stage.from_instruction.span.start_line, where))
    final = document.final_stage
    if final is not None:
        root = _final_stage_root(final)
        if root is not None:
            found._add(found.root, root)
    return found


def _final_stage_root(stage: Any) -> RootUse | None:
    """The final stage when it runs as root, as DF005 judges it: its last USER, else its base image's default."""
    where = stage.name or str(stage.index)
    image = stage.root_image
    image_text = image.raw.strip() if image is not None else ""
    user = last_user(stage)
    if user is not None:
        name = user_name(user)
        if name in ROOT_USERS:
            return RootUse(where, user.span.start_line, user.arguments.strip(), "user", image_text)
        return None
    if image is not None and base_runs_as_root(image):
        return RootUse(where, stage.from_instruction.span.start_line, "root", "image", image_text)
    return None


def _compose_inventory(document: ComposeFile) -> FileInventory:
    found = FileInventory()
    for service in document.services:
        node = service.scalar("image")
        image: ImageRef | None = None
        if node is not None and not node.unresolved and node.text.strip():
            image = parse_image(node.text)
            found._add(found.images, _image_use(image, node.span.start_line, service.name))
        image_text = image.raw.strip() if image is not None else ""
        root = _service_root(service, image)
        if root is not None:
            found._add(found.root, RootUse(service.name, root[1], root[0], root[2], image_text))
        for binding in service.ports:
            database = binding.data_service if binding.known else ""
            if not database:
                continue
            port = DatabasePort(
                service.name,
                binding.node.span.start_line,
                database,
                binding.host_ip,
                binding.published,
                binding.target,
                binding.protocol,
                binding.on_all_interfaces,
                image_text,
            )
            found._add(found.database_ports, port)
    return found


def _service_root(service: Any, image: ImageRef | None) -> tuple[str, int, str] | None:
    """(user, line, reason) when the service runs as root: `user:` set to root or uid 0, else (no `user:`, nothing
    built) an image the image table knows to run its server as root. The server's user counts, not the image's:
    postgres starts as root and steps down to `postgres` before it serves."""
    node = service.scalar("user")
    if node is not None:
        if node.unresolved or node.value is None:
            return None
        written = node.text.strip()
        return (written, node.span.start_line, "user") if written.partition(":")[0] in ROOT_USERS else None
    if image is None or service.get("build") is not None:
        return None  # what a built image runs as is its Dockerfile's, inventoried with that file
    facts = facts_for(image)
    if facts is None:
        return None
    user = facts.server_user or facts.user
    return (user, service.key.span.start_line, "image") if user in ROOT_USERS else None
