"""Reads: the inventory across the projects someone belongs to, from the latest finished scan of each project's
default branch (what runs now): every image with its tag, how many files use it and when its release reaches end of
life; every service and image that runs as root; every published database port.

It reads the facts each file's analysis stored (ScanFile.facts, dockwright.inventory), never the files again, and
at most DOCKWRIGHT_INVENTORY_MAX_ENTRIES entries of a section per request: past that the answer says it is not
complete. Files are read in the order of project and path, so what is left out is always the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import F, Max, QuerySet
from django.utils import timezone

from dockwright.data.eol import Release, releases_in_tag
from dockwright.dockerfile.image import parse_image
from projects.models import Project
from scans.models import Scan, ScanFile

SECTIONS = ("images", "root", "database_ports")
# An image whose release ends within this many days is "ending soon".
SOON_DAYS = 180
# Files named per image in the JSON answer (the count is always whole).
MAX_EXAMPLES = 5


@dataclass(frozen=True)
class SourceScan:
    """The scan a project is inventoried from."""

    project: str
    name: str
    scan: int
    created: dt.datetime


@dataclass(frozen=True)
class Place:
    """Where an entry is written: the project, the scan and file (for links), the path and line."""

    project: str
    scan: int
    file: int
    path: str
    line: int
    where: str  # the stage or service


@dataclass
class ImageRow:
    name: str
    tag: str
    files: int = 0
    uses: int = 0
    projects: list[str] = field(default_factory=list)
    eol: dt.date | None = None
    eol_release: str = ""
    past_eol: bool = False
    examples: list[Place] = field(default_factory=list)
    _files: set[int] = field(default_factory=set, repr=False)

    @property
    def reference(self) -> str:
        return f"{self.name}:{self.tag}" if self.tag else self.name


@dataclass(frozen=True)
class RootRow:
    place: Place
    kind: str
    user: str
    reason: str
    image: str


@dataclass(frozen=True)
class PortRow:
    place: Place
    database: str
    host_ip: str
    published: str
    target: str
    protocol: str
    all_interfaces: bool
    image: str


@dataclass(frozen=True)
class Filters:
    project: str = ""
    q: str = ""
    eol: str = ""  # images: past, soon, known, unknown
    reason: str = ""  # root: user, image
    exposed: bool | None = None  # database ports: on every interface (True) or not (False)


@dataclass
class Section:
    rows: list[Any]
    complete: bool  # False when entries were left unread (DOCKWRIGHT_INVENTORY_MAX_ENTRIES)


def inventory_projects(*, user: Any, project_id: int | None = None) -> QuerySet[Project]:
    """The projects ``user`` belongs to (only ``project_id`` for a project token), public or not: an inventory is
    of one's own projects."""
    projects = Project.objects.filter(memberships__user=user)
    return projects.filter(pk=project_id) if project_id is not None else projects


def inventory_sources(*, projects: QuerySet[Project]) -> list[SourceScan]:
    """The latest finished scan of each project's default branch, by project slug."""
    latest = (
        Scan.objects.filter(project__in=projects, status=Scan.Status.DONE, branch=F("project__default_branch"))
        .values("project")
        .annotate(latest=Max("pk"))
        .order_by()
        .values_list("latest", flat=True)
    )
    scans = Scan.objects.filter(pk__in=list(latest)).select_related("project").order_by("project__slug")
    return [SourceScan(scan.project.slug, scan.project.name, scan.pk, scan.created) for scan in scans]


def inventory_section(
    *, sources: list[SourceScan], section: str, filters: Filters, today: dt.date | None = None
) -> Section:
    """The rows of one section (``images``, ``root`` or ``database_ports``) that pass ``filters``."""
    assert section in SECTIONS
    today = today or timezone.localdate()
    chosen = [source for source in sources if not filters.project or source.project == filters.project]
    entries = _Entries(chosen, section)
    if section == "images":
        rows: list[Any] = _image_rows(entries, filters, today)
    elif section == "root":
        rows = [row for row in (_root_row(place, kind, item) for place, kind, item in entries) if _keeps(row, filters)]
    else:
        rows = [row for row in (_port_row(place, item) for place, _, item in entries) if _keeps(row, filters)]
    return Section(rows=rows, complete=not entries.cut)


class _Entries:
    """The entries of a section in the sources' files, at most DOCKWRIGHT_INVENTORY_MAX_ENTRIES; ``cut`` says
    whether some were left."""

    def __init__(self, sources: list[SourceScan], section: str) -> None:
        self.sources = {source.scan: source.project for source in sources}
        self.section = section
        self.cut = False

    def __iter__(self) -> Iterator[tuple[Place, str, dict[str, Any]]]:
        budget = settings.DOCKWRIGHT_INVENTORY_MAX_ENTRIES
        files = (
            ScanFile.objects.filter(scan_id__in=list(self.sources), analysed=True)
            .exclude(kind="")
            .order_by("scan__project__slug", "path")
            .values_list("pk", "scan_id", "path", "kind", f"facts__{self.section}")
        )
        for file_id, scan_id, path, kind, items in files.iterator(chunk_size=500):
            for item in items or ():
                if budget <= 0:
                    self.cut = True
                    return
                budget -= 1
                place = Place(self.sources[scan_id], scan_id, file_id, path, int(item["line"]), str(item["where"]))
                yield place, kind, item


def _image_rows(entries: _Entries, filters: Filters, today: dt.date) -> list[ImageRow]:
    groups: dict[tuple[str, str], ImageRow] = {}
    needle = filters.q.lower()
    for place, _, item in entries:
        name, tag = str(item["name"]), str(item["tag"])
        if needle and needle not in f"{name}:{tag}".lower():
            continue
        row = groups.get((name, tag))
        if row is None:
            row = groups[(name, tag)] = ImageRow(name, tag)
        row.uses += 1
        if place.file not in row._files:
            row._files.add(place.file)
            row.files += 1
            if len(row.examples) < MAX_EXAMPLES:
                row.examples.append(place)
        if place.project not in row.projects:
            row.projects.append(place.project)
    rows = []
    for row in groups.values():
        _add_end_of_life(row, today)
        if _eol_matches(row, filters.eol, today):
            rows.append(row)
    return sorted(rows, key=lambda row: (-row.files, row.name, row.tag))


def _add_end_of_life(row: ImageRow, today: dt.date) -> None:
    """The earliest end of life among the releases the tag pins (the product's and its OS's), for Docker Hub's
    official images, as the end-of-life rules (DF004, DC034) judge them."""
    image = parse_image(row.reference)
    if not image.is_official:
        return
    releases: list[Release] = releases_in_tag(image.name, image.tag)
    if not releases:
        return
    first = min(releases, key=lambda release: release.eol)
    row.eol, row.eol_release, row.past_eol = first.eol, f"{first.product} {first.release}", first.eol < today


def _eol_matches(row: ImageRow, wanted: str, today: dt.date) -> bool:
    if wanted == "past":
        return row.past_eol
    if wanted == "soon":
        return row.eol is not None and today <= row.eol <= today + dt.timedelta(days=SOON_DAYS)
    if wanted == "known":
        return row.eol is not None
    if wanted == "unknown":
        return row.eol is None
    return True


def _root_row(place: Place, kind: str, item: dict[str, Any]) -> RootRow:
    return RootRow(place, kind, str(item["user"]), str(item["reason"]), str(item["image"]))


def _port_row(place: Place, item: dict[str, Any]) -> PortRow:
    return PortRow(
        place,
        str(item["database"]),
        str(item["host_ip"]),
        str(item["published"]),
        str(item["target"]),
        str(item["protocol"]),
        bool(item["all_interfaces"]),
        str(item["image"]),
    )


def _keeps(row: RootRow | PortRow, filters: Filters) -> bool:
    if filters.q:
        text = f"{row.place.path} {row.place.where} {row.image}"
        if isinstance(row, PortRow):
            text += f" {row.database}"
        if filters.q.lower() not in text.lower():
            return False
    if isinstance(row, RootRow):
        return not filters.reason or row.reason == filters.reason
    return filters.exposed is None or row.all_interfaces == filters.exposed
