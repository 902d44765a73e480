"""The inventory across one's projects, as pages of JSON or CSV files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import error_responses
from core.fields import StrictCharField
from insights.csv_export import Cell, csv_text
from insights.inventory import (
    SECTIONS,
    Filters,
    ImageRow,
    Place,
    PortRow,
    RootRow,
    SourceScan,
    inventory_projects,
    inventory_section,
    inventory_sources,
)
from insights.renderers import CsvRenderer, NonJsonAnswers


class InventoryPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


class InventoryQuerySerializer(serializers.Serializer):
    project = serializers.SlugField(
        max_length=100, required=False, allow_blank=True, default="", help_text="Only this project (its slug)."
    )
    q = StrictCharField(max_length=200, required=False, allow_blank=True, default="", help_text="Text to look for.")
    page = serializers.IntegerField(min_value=1, required=False, help_text="Of the JSON answer, 50 rows a page.")
    page_size = serializers.IntegerField(min_value=1, max_value=200, required=False)


class ImagesQuerySerializer(InventoryQuerySerializer):
    eol = serializers.ChoiceField(
        choices=["past", "soon", "known", "unknown"],
        required=False,
        allow_blank=True,
        default="",
        help_text="By end of life: past it, within 180 days, any date known, or no date known.",
    )


class RootQuerySerializer(InventoryQuerySerializer):
    reason = serializers.ChoiceField(
        choices=["user", "image"],
        required=False,
        allow_blank=True,
        default="",
        help_text="`user`: the file sets root (USER, `user:`); `image`: the image's default, nothing sets another.",
    )


class PortsQuerySerializer(InventoryQuerySerializer):
    exposed = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text="true: published on every interface only."
    )


class PlaceSerializer(serializers.Serializer):
    project = serializers.SlugField()
    scan = serializers.IntegerField()
    file = serializers.IntegerField(help_text="The file: /api/v1/projects/<project>/scans/<scan>/files/<file>.")
    path = serializers.CharField()
    line = serializers.IntegerField()
    where = serializers.CharField(help_text="The stage (its name or number) or the service.")


class ImageRowSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="`python`, `ghcr.io/org/app` (Docker Hub's name without `library/`).")
    tag = serializers.CharField(allow_blank=True, help_text="Empty when none is written (Docker pulls `latest`).")
    reference = serializers.CharField()
    files = serializers.IntegerField(help_text="How many files use it.")
    uses = serializers.IntegerField(help_text="How many stages and services use it.")
    projects = serializers.ListField(child=serializers.SlugField())
    end_of_life = serializers.DateField(
        allow_null=True, help_text="The earliest end of life of the releases its tag pins (an official image's)."
    )
    release = serializers.CharField(allow_blank=True, help_text="The release that ends then, as `python 3.8`.")
    past_end_of_life = serializers.BooleanField()
    examples = PlaceSerializer(many=True, help_text="Where it is used (the first 5 files).")


class RootRowSerializer(PlaceSerializer):
    kind = serializers.CharField(help_text="`dockerfile` (its final stage) or `compose` (a service).")
    user = serializers.CharField(help_text="As written, or the image's default user.")
    reason = serializers.ChoiceField(choices=["user", "image"])
    image = serializers.CharField(allow_blank=True)


class PortRowSerializer(PlaceSerializer):
    database = serializers.CharField(help_text="What the container port belongs to: `PostgreSQL`, `Redis`...")
    host_ip = serializers.CharField(allow_blank=True, help_text="Empty: every interface.")
    published = serializers.CharField(allow_blank=True, help_text="The host port; empty when Compose picks one.")
    target = serializers.CharField()
    protocol = serializers.CharField()
    all_interfaces = serializers.BooleanField()
    image = serializers.CharField(allow_blank=True)


def _page_serializer(name: str, rows: serializers.Serializer) -> type[serializers.Serializer]:
    fields = {
        "count": serializers.IntegerField(),
        "next": serializers.CharField(allow_null=True),
        "previous": serializers.CharField(allow_null=True),
        "complete": serializers.BooleanField(
            help_text="false: the projects hold more entries than one answer reads (DOCKWRIGHT_INVENTORY_MAX_ENTRIES)."
        ),
        "results": rows,
    }
    return type(name, (serializers.Serializer,), fields)


def _place(place: Place) -> dict[str, Any]:
    return {
        "project": place.project,
        "scan": place.scan,
        "file": place.file,
        "path": place.path,
        "line": place.line,
        "where": place.where,
    }


class InventorySectionApi(NonJsonAnswers):
    """One section of the inventory as pages of JSON, or whole (up to DOCKWRIGHT_INVENTORY_CSV_MAX_ROWS rows) as
    CSV with `?format=csv`."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer, CsvRenderer]
    section: ClassVar[str]
    query_serializer: ClassVar[type[InventoryQuerySerializer]]
    csv_header: ClassVar[tuple[str, ...]]

    def filters(self, data: dict[str, Any]) -> Filters:
        return Filters(project=data["project"], q=data["q"])

    def row_data(self, row: Any) -> dict[str, Any]:
        raise NotImplementedError

    def csv_row(self, row: Any) -> Sequence[Cell]:
        raise NotImplementedError

    def get(self, request: Request) -> Response:
        query = self.query_serializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        projects = inventory_projects(user=request.user, project_id=getattr(request.auth, "project_id", None))
        found = inventory_section(
            sources=inventory_sources(projects=projects), section=self.section, filters=self.filters(query.data)
        )
        if request.accepted_renderer.format == CsvRenderer.format:
            rows = found.rows[: settings.DOCKWRIGHT_INVENTORY_CSV_MAX_ROWS]
            name = f"dockwright-inventory-{self.section.replace('_', '-')}.csv"
            headers = {
                "Content-Disposition": f'attachment; filename="{name}"',
                "X-Total-Count": str(len(found.rows)),
                "X-Inventory-Complete": "true" if found.complete and len(rows) == len(found.rows) else "false",
            }
            return Response(csv_text(self.csv_header, [self.csv_row(row) for row in rows]), headers=headers)
        paginator = InventoryPagination()
        page = paginator.paginate_queryset(found.rows, request, view=self) or []
        return Response(
            {
                "count": len(found.rows),
                "next": paginator.get_next_link(),
                "previous": paginator.get_previous_link(),
                "complete": found.complete,
                "results": [self.row_data(row) for row in page],
            }
        )


SECTION_DESCRIPTION = (
    "Across the projects you belong to (a project token: its project), from the latest finished scan of each "
    "project's default branch. JSON in pages of 50 (`page`, `page_size` up to 200); `?format=csv` sends every row "
    "(up to DOCKWRIGHT_INVENTORY_CSV_MAX_ROWS, `X-Total-Count` says how many matched) as a CSV file, where a cell "
    "that a spreadsheet would run as a formula (starting with =, +, -, @) starts with an apostrophe. "
)
FORMAT_PARAMETER = OpenApiParameter("format", str, enum=["json", "csv"], description="`csv` for a CSV file.")


def _section_schema(operation_id: str, summary: str, description: str, query: type, rows: type) -> Any:
    return extend_schema(
        operation_id=operation_id,
        summary=summary,
        description=SECTION_DESCRIPTION + description,
        parameters=[query, FORMAT_PARAMETER],
        responses={
            (200, "application/json"): _page_serializer(
                f"{rows.__name__.removesuffix('Serializer')}Page", rows(many=True)
            ),
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The same rows as CSV, with a header."),
            **error_responses(400, 403, 404, json_only=True),
        },
    )


class InventoryImagesApi(InventorySectionApi):
    section = "images"
    query_serializer = ImagesQuerySerializer
    csv_header = ("image", "tag", "files", "uses", "projects", "end_of_life", "release", "past_end_of_life")

    def filters(self, data: dict[str, Any]) -> Filters:
        return Filters(project=data["project"], q=data["q"], eol=data["eol"])

    def row_data(self, row: ImageRow) -> dict[str, Any]:
        return {
            "name": row.name,
            "tag": row.tag,
            "reference": row.reference,
            "files": row.files,
            "uses": row.uses,
            "projects": row.projects,
            "end_of_life": row.eol.isoformat() if row.eol else None,
            "release": row.eol_release,
            "past_end_of_life": row.past_eol,
            "examples": [_place(place) for place in row.examples],
        }

    def csv_row(self, row: ImageRow) -> Sequence[Cell]:
        eol = row.eol.isoformat() if row.eol else ""
        return (row.name, row.tag, row.files, row.uses, " ".join(row.projects), eol, row.eol_release, row.past_eol)

    @_section_schema(
        "inventory_images_list",
        "Images in use",
        "Every base image (a Dockerfile's FROM) and compose image with its tag: how many files and stages or "
        "services use it, in which projects, and the end of life of the release its tag pins. Most used first. "
        "`q` looks in `name:tag`.",
        ImagesQuerySerializer,
        ImageRowSerializer,
    )
    def get(self, request: Request) -> Response:
        return super().get(request)


class InventoryRootApi(InventorySectionApi):
    section = "root"
    query_serializer = RootQuerySerializer
    csv_header = ("project", "path", "line", "kind", "where", "user", "reason", "image")

    def filters(self, data: dict[str, Any]) -> Filters:
        return Filters(project=data["project"], q=data["q"], reason=data["reason"])

    def row_data(self, row: RootRow) -> dict[str, Any]:
        return {**_place(row.place), "kind": row.kind, "user": row.user, "reason": row.reason, "image": row.image}

    def csv_row(self, row: RootRow) -> Sequence[Cell]:
        place = row.place
        return (place.project, place.path, place.line, row.kind, place.where, row.user, row.reason, row.image)

    @_section_schema(
        "inventory_root_list",
        "What runs as root",
        "Every Dockerfile whose final stage runs as root (its last USER, else its base image's default, as DF005 "
        "judges) and every compose service that does (`user: root` or uid 0, else an image the image table knows "
        "to serve as root; a service that builds is its Dockerfile's). `q` looks in the path, the stage or service "
        "and the image.",
        RootQuerySerializer,
        RootRowSerializer,
    )
    def get(self, request: Request) -> Response:
        return super().get(request)


class InventoryPortsApi(InventorySectionApi):
    section = "database_ports"
    query_serializer = PortsQuerySerializer
    csv_header = (
        "project", "path", "line", "service", "database", "host_ip", "published", "target", "protocol",
        "all_interfaces", "image",
    )  # fmt: skip

    def filters(self, data: dict[str, Any]) -> Filters:
        return Filters(project=data["project"], q=data["q"], exposed=data["exposed"])

    def row_data(self, row: PortRow) -> dict[str, Any]:
        return {
            **_place(row.place),
            "database": row.database,
            "host_ip": row.host_ip,
            "published": row.published,
            "target": row.target,
            "protocol": row.protocol,
            "all_interfaces": row.all_interfaces,
            "image": row.image,
        }

    def csv_row(self, row: PortRow) -> Sequence[Cell]:
        place = row.place
        return (
            place.project, place.path, place.line, place.where, row.database, row.host_ip, row.published,
            row.target, row.protocol, row.all_interfaces, row.image,
        )  # fmt: skip

    @_section_schema(
        "inventory_database_ports_list",
        "Published database ports",
        "Every port a compose service publishes whose container port is a database's, cache's or broker's (as "
        "DC025 knows them), on which interface. `q` looks in the path, the service, the image and the database.",
        PortsQuerySerializer,
        PortRowSerializer,
    )
    def get(self, request: Request) -> Response:
        return super().get(request)


class InventorySourceSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    scan = serializers.IntegerField(help_text="The scan read: the latest finished one of the default branch.")
    scanned = serializers.DateTimeField()


class InventoryCountsSerializer(serializers.Serializer):
    images = serializers.IntegerField(help_text="Distinct images (name and tag).")
    images_past_end_of_life = serializers.IntegerField()
    root = serializers.IntegerField()
    database_ports = serializers.IntegerField()
    database_ports_exposed = serializers.IntegerField(help_text="Published on every interface.")


class InventorySummarySerializer(serializers.Serializer):
    projects = InventorySourceSerializer(many=True, help_text="The projects inventoried, by slug.")
    counts = InventoryCountsSerializer()
    complete = serializers.BooleanField()


class InventoryApi(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="inventory_retrieve",
        summary="Your inventory at a glance",
        description="The projects of yours it covers (those with a finished scan of their default branch) and how "
        "many rows each section has: /inventory/images, /inventory/root, /inventory/database-ports.",
        responses={200: InventorySummarySerializer, **error_responses(403)},
    )
    def get(self, request: Request) -> Response:
        projects = inventory_projects(user=request.user, project_id=getattr(request.auth, "project_id", None))
        sources: list[SourceScan] = inventory_sources(projects=projects)
        sections = {name: inventory_section(sources=sources, section=name, filters=Filters()) for name in SECTIONS}
        images, root, ports = sections["images"].rows, sections["root"].rows, sections["database_ports"].rows
        body = {
            "projects": [
                {"slug": source.project, "name": source.name, "scan": source.scan, "scanned": source.created}
                for source in sources
            ],
            "counts": {
                "images": len(images),
                "images_past_end_of_life": sum(1 for row in images if row.past_eol),
                "root": len(root),
                "database_ports": len(ports),
                "database_ports_exposed": sum(1 for row in ports if row.all_interfaces),
            },
            "complete": all(section.complete for section in sections.values()),
        }
        return Response(InventorySummarySerializer(body).data)
