"""The project lint API: a bundle of a project's files analysed with the project's policy while the client waits,
nothing stored (what `dockwright lint --server` sends; scans.project_lint does the work)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from analyses.apis import ConfigField
from analyses.bundles import MAX_PATH_CHARS
from core.api_schema import error_responses
from core.fields import StrictCharField
from dockwright.detect import KINDS
from projects.apis import MembersOnly, project_for_request
from projects.models import Role
from scans.apis import ScanFileInputSerializer
from scans.project_lint import project_lint
from tokens.models import Scope


class BuildInputSerializer(serializers.Serializer):
    args = serializers.DictField(child=StrictCharField(trim_whitespace=False, allow_blank=True), required=False)
    target = StrictCharField(max_length=255, required=False, allow_null=True)


class LintTargetSerializer(serializers.Serializer):
    path = StrictCharField(max_length=1000, help_text="A path among `files`.")
    folder = StrictCharField(
        max_length=1000,
        required=False,
        allow_blank=True,
        help_text="Where its other files are read from, as paths relative to it and inside its tree (default: the "
        "file's folder; a bake target's context otherwise).",
    )
    filename = StrictCharField(
        max_length=MAX_PATH_CHARS * 4,
        required=False,
        allow_blank=True,
        help_text="The name it is analysed as (default: `path`): the CLI sends the path it prints, which rules read "
        "(a Dockerfile in a `ci/` folder is for CI).",
    )
    kind = serializers.ChoiceField(choices=KINDS, required=False, allow_null=True)
    build = BuildInputSerializer(required=False, allow_null=True, help_text="`docker build`'s args and target stage.")


class ProjectLintInputSerializer(serializers.Serializer):
    files = ScanFileInputSerializer(
        many=True, help_text="The files to analyse and those they read, by path relative to the repository's root."
    )
    lint = LintTargetSerializer(
        many=True, required=False, help_text="What to analyse, in order (default: every Dockerfile and compose file)."
    )
    config = ConfigField(required=False, allow_null=True)


class EngineFindingSerializer(serializers.Serializer):
    """A finding in the engine's form (`dockwright lint --format json` without `file`), in English, with the
    templates of its texts for a client to render in its reader's language."""

    rule = serializers.CharField()
    severity = serializers.ChoiceField(choices=["error", "warning", "info", "style"])
    message = serializers.CharField()
    line = serializers.IntegerField()
    column = serializers.IntegerField()
    end_line = serializers.IntegerField()
    end_column = serializers.IntegerField()
    code = serializers.CharField(required=False, help_text="The code of the tool behind the rule (SC2086).")
    fix = serializers.JSONField(required=False, help_text="`title`, `safe` and `edits`, as in the engine.")
    i18n = serializers.JSONField(required=False, help_text="The templates and fields of `message` and the fix title.")


class LintResultOutputSerializer(serializers.Serializer):
    path = serializers.CharField()
    kind = serializers.CharField(help_text="How it was read (`dockerfile`, `compose`); empty when it could not be.")
    error = serializers.CharField(allow_blank=True, help_text="Why the engine could not analyse it.")
    foreign = serializers.CharField(
        required=False, allow_null=True, help_text="YAML that is not a Compose file: what it looks like."
    )
    findings = EngineFindingSerializer(many=True)
    missing = serializers.ListField(
        child=serializers.CharField(),
        help_text="Files the analysis looked for that `files` lacks, relative to `folder`: send them (if they "
        "exist) and analyse the file again to see what a local run sees.",
    )


class ProjectLintOutputSerializer(serializers.Serializer):
    config = serializers.DictField(help_text="The configuration the files were analysed with (site policy included).")
    results = LintResultOutputSerializer(many=True)


class ProjectLintApi(APIView):
    permission_classes = [MembersOnly]
    # A CI project token may upload scans; analysing without storing is less than that, so it may do this too.
    token_scopes = {"POST": (Scope.ANALYSES_WRITE, Scope.SCANS_WRITE)}

    @extend_schema(
        operation_id="projects_lint",
        summary="Analyse files with a project's policy, storing nothing",
        description="Members (any role), or a token with `analyses:write` or `scans:write` (a CI project token); "
        "what `dockwright lint --server` sends. Each file of `lint` is analysed with the project's policy, `config` "
        "over it (as a file's own config), and the site policy; its other files are read from `files`, relative to "
        "its folder and inside that folder's tree, as a local run reads its disk. Findings come in the engine's "
        "form, in English with their templates. Limits: a scan's bundle limits, as many analyses as files, the "
        "analysed texts together within the body limit (413), and DOCKWRIGHT_PROJECT_LINT_SECONDS for the request "
        "(413: upload a scan instead).",
        request=ProjectLintInputSerializer,
        responses={200: ProjectLintOutputSerializer, **error_responses(400, 403, 404, 413)},
    )
    def post(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug, needs=Role.VIEWER)
        data = ProjectLintInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        options = data.validated_data
        outcome = project_lint(
            project=access.project,
            files=options["files"],
            lint_files=options.get("lint"),
            config=options.get("config"),
        )
        return Response(outcome)
