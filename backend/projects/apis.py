"""The projects API: projects, their members and invitation links, and signing up.

Whoever may not read a project gets 404 for every URL under it, as for a project that does not exist; someone who
may read it but lacks the role an operation needs gets 403.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import login
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import AllowAny, BasePermission, IsAdminUser, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api_schema import error_responses
from core.fields import StrictCharField
from core.ratelimit import AnonymousAnalysisRateThrottle
from projects.models import Invitation, Membership, Project, Role
from projects.policy import POLICY_KEYS, project_lint_config
from projects.selectors import (
    ProjectAccess,
    invitation_get_open,
    invitation_list,
    membership_get,
    membership_list,
    project_access,
    project_list_for_user,
    project_policy_get,
)
from projects.services import (
    InvitationNotOpen,
    invitation_accept,
    invitation_create,
    invitation_revoke,
    membership_add,
    membership_remove,
    membership_set_role,
    project_create,
    project_delete,
    project_policy_save,
    project_update,
    user_sign_up,
)

ROLES = [role.value for role in Role]
VISIBILITIES = [visibility.value for visibility in Project.Visibility]


def project_for_request(request: Request, slug: str, *, needs: str | None = None) -> ProjectAccess:
    """The project if the requester may read it (404 otherwise, whether or not it exists), and 403 when they lack
    the role ``needs``."""
    access = project_access(slug=slug, user=request.user)
    if access is None or not _token_reaches(request, access.project):
        raise NotFound(f"no project {slug!r}")
    if needs is not None and not access.allows(needs):
        raise PermissionDenied(f"this needs the {needs} role in project {slug!r}")
    return access


class MembersOnly(BasePermission):
    """Marks an operation for members (the schema then asks for a sign-in). It lets every request through: the role
    check needs the project, so project_for_request makes it, and an anonymous caller must get the same 404 as
    anyone else who may not see the project, not a 403 that says it exists."""

    def has_permission(self, request: Request, view: APIView) -> bool:
        return True


def _token_reaches(request: Request, project: Project) -> bool:
    """A project token (CI) sees its own project only; every other project is a 404 to it."""
    token_project = getattr(request.auth, "project_id", None)
    return token_project is None or token_project == project.pk


def _validated(serializer_class: type[serializers.Serializer], data: Any) -> dict[str, Any]:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class ProjectOutputSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.SlugField()
    visibility = serializers.ChoiceField(choices=VISIBILITIES)
    default_branch = serializers.CharField()
    created = serializers.DateTimeField()
    role = serializers.ChoiceField(
        choices=ROLES, allow_null=True, help_text="Your role; null when you read a public project as a non-member."
    )


def _project_data(project: Project, role: str | None) -> dict[str, Any]:
    data = ProjectOutputSerializer(
        {
            "name": project.name,
            "slug": project.slug,
            "visibility": project.visibility,
            "default_branch": project.default_branch,
            "created": project.created,
            "role": role,
        }
    ).data
    return dict(data)


class ProjectCollectionApi(APIView):
    class ProjectInputSerializer(serializers.Serializer):
        name = StrictCharField(max_length=100)
        slug = serializers.SlugField(max_length=100)
        visibility = serializers.ChoiceField(choices=VISIBILITIES, default=Project.Visibility.PRIVATE)
        default_branch = StrictCharField(max_length=255, default="main")

    def get_permissions(self) -> list[BasePermission]:
        return [IsAuthenticated()] if self.request.method == "POST" else [AllowAny()]

    @extend_schema(
        operation_id="projects_list",
        summary="List your projects",
        description="The projects you belong to, with your role, and the public projects.",
        responses={200: ProjectOutputSerializer(many=True)},
    )
    def get(self, request: Request) -> Response:
        projects = [p for p in project_list_for_user(user=request.user) if _token_reaches(request, p)]
        return Response([_project_data(project, project.user_role) for project in projects])

    @extend_schema(
        operation_id="projects_create",
        summary="Create a project",
        description="You become its owner. The slug names it in URLs and for the CLI and cannot change.",
        request=ProjectInputSerializer,
        responses={201: ProjectOutputSerializer, **error_responses(400, 403)},
    )
    def post(self, request: Request) -> Response:
        project = project_create(user=request.user, **_validated(self.ProjectInputSerializer, request.data))
        return Response(_project_data(project, Role.OWNER), status=status.HTTP_201_CREATED)


class ProjectDetailApi(APIView):
    def get_permissions(self) -> list[BasePermission]:
        return [AllowAny()] if self.request.method == "GET" else [MembersOnly()]

    class ProjectUpdateSerializer(serializers.Serializer):
        name = StrictCharField(max_length=100, required=False)
        visibility = serializers.ChoiceField(choices=VISIBILITIES, required=False)
        default_branch = StrictCharField(max_length=255, required=False)

    @extend_schema(
        operation_id="projects_retrieve",
        summary="Read a project",
        description="Members read their projects; anyone reads a public one. Any other project is a 404.",
        responses={200: ProjectOutputSerializer, **error_responses(404)},
    )
    def get(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug)
        return Response(_project_data(access.project, access.role))

    @extend_schema(
        operation_id="projects_partial_update",
        summary="Change a project",
        description="Owners only: its name, visibility and default branch.",
        request=ProjectUpdateSerializer,
        responses={200: ProjectOutputSerializer, **error_responses(400, 403, 404)},
    )
    def patch(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug, needs=Role.OWNER)
        project = project_update(project=access.project, **_validated(self.ProjectUpdateSerializer, request.data))
        return Response(_project_data(project, access.role))

    @extend_schema(
        operation_id="projects_destroy",
        summary="Delete a project",
        description="Owners only; everything of the project goes with it.",
        request=None,
        responses={204: OpenApiResponse(description="Deleted."), **error_responses(403, 404)},
    )
    def delete(self, request: Request, slug: str) -> Response:
        project_delete(project=project_for_request(request, slug, needs=Role.OWNER).project)
        return Response(status=status.HTTP_204_NO_CONTENT)


class PolicySerializer(serializers.Serializer):
    config = serializers.DictField(
        help_text="The project's own settings: " + "; ".join(f"`{key}`: {text}" for key, text in POLICY_KEYS.items())
    )


class PolicyOutputSerializer(PolicySerializer):
    effective = serializers.DictField(
        help_text="The configuration a file of this project is analysed with (site policy included, rule names "
        "resolved to ids), before the file's own config."
    )
    updated = serializers.DateTimeField(allow_null=True)
    updated_by = serializers.CharField(allow_null=True)


class ProjectPolicyApi(APIView):
    def get_permissions(self) -> list[BasePermission]:
        return [AllowAny()] if self.request.method == "GET" else [MembersOnly()]

    @extend_schema(
        operation_id="projects_policy_retrieve",
        summary="Read a project's policy",
        description="Anyone who may read the project. `effective` shows it layered on the site policy.",
        responses={200: PolicyOutputSerializer, **error_responses(404)},
    )
    def get(self, request: Request, slug: str) -> Response:
        return Response(_policy_data(project_for_request(request, slug).project))

    @extend_schema(
        operation_id="projects_policy_update",
        summary="Replace a project's policy",
        description="Maintainers and owners. Rules may be named by our ids, slugs or a peer's ids; `enable` takes "
        "profiles (`style`). A rule the site switched off stays off.",
        request=PolicySerializer,
        responses={200: PolicyOutputSerializer, **error_responses(400, 403, 404)},
    )
    def put(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug, needs=Role.MAINTAINER)
        config = _validated(PolicySerializer, request.data)["config"]
        project_policy_save(project=access.project, config=config, user=request.user)
        return Response(_policy_data(access.project))


def _policy_data(project: Project) -> dict[str, Any]:
    policy = project_policy_get(project=project)
    return {
        "config": policy.config if policy else {},
        "effective": project_lint_config(project=project).to_dict(),
        "updated": policy.updated if policy else None,
        "updated_by": policy.updated_by.get_username() if policy and policy.updated_by else None,
    }


class MemberOutputSerializer(serializers.Serializer):
    username = serializers.CharField(source="user.username")
    role = serializers.ChoiceField(choices=ROLES)
    created = serializers.DateTimeField()


class MemberCollectionApi(APIView):
    permission_classes = [MembersOnly]

    class MemberInputSerializer(serializers.Serializer):
        username = StrictCharField(max_length=150)
        role = serializers.ChoiceField(choices=ROLES, default=Role.VIEWER)

    @extend_schema(
        operation_id="projects_members_list",
        summary="List a project's members",
        description="Members only.",
        responses={200: MemberOutputSerializer(many=True), **error_responses(403, 404)},
    )
    def get(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug, needs=Role.VIEWER)
        return Response(MemberOutputSerializer(membership_list(project=access.project), many=True).data)

    @extend_schema(
        operation_id="projects_members_create",
        summary="Add a member",
        description="Owners only; the user must have an account (else invite them by link).",
        request=MemberInputSerializer,
        responses={201: MemberOutputSerializer, **error_responses(400, 403, 404)},
    )
    def post(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug, needs=Role.OWNER)
        membership = membership_add(project=access.project, **_validated(self.MemberInputSerializer, request.data))
        return Response(MemberOutputSerializer(membership).data, status=status.HTTP_201_CREATED)


class MemberDetailApi(APIView):
    permission_classes = [MembersOnly]

    class MemberRoleSerializer(serializers.Serializer):
        role = serializers.ChoiceField(choices=ROLES)

    @extend_schema(
        operation_id="projects_members_partial_update",
        summary="Change a member's role",
        description="Owners only. The last owner cannot be demoted (400).",
        request=MemberRoleSerializer,
        responses={200: MemberOutputSerializer, **error_responses(400, 403, 404)},
    )
    def patch(self, request: Request, slug: str, username: str) -> Response:
        access = project_for_request(request, slug, needs=Role.OWNER)
        role = _validated(self.MemberRoleSerializer, request.data)["role"]
        membership = membership_set_role(membership=_member(access, username), role=role)
        return Response(MemberOutputSerializer(membership).data)

    @extend_schema(
        operation_id="projects_members_destroy",
        summary="Remove a member",
        description="Owners remove anyone; any member may leave (remove themselves). The last owner cannot leave "
        "(400).",
        request=None,
        responses={204: OpenApiResponse(description="Removed."), **error_responses(400, 403, 404)},
    )
    def delete(self, request: Request, slug: str, username: str) -> Response:
        leaving = request.user.is_authenticated and request.user.get_username() == username
        access = project_for_request(request, slug, needs=Role.VIEWER if leaving else Role.OWNER)
        membership_remove(membership=_member(access, username))
        return Response(status=status.HTTP_204_NO_CONTENT)


def _member(access: ProjectAccess, username: str) -> Membership:
    membership = membership_get(project=access.project, username=username)
    if membership is None:
        raise NotFound(f"{username!r} is not a member of {access.project.slug!r}")
    return membership


class InvitationOutputSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    project = serializers.SlugField(source="project.slug", allow_null=True, default=None)
    role = serializers.ChoiceField(choices=ROLES)
    note = serializers.CharField()
    created = serializers.DateTimeField()
    expires_at = serializers.DateTimeField()


class NewInvitationSerializer(InvitationOutputSerializer):
    token = serializers.CharField(help_text="The link's secret: shown only now, never stored.")
    url = serializers.URLField(help_text="The link to send (the secret is in its fragment, which no server logs).")


class InvitationInputSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=ROLES, default=Role.VIEWER)
    note = StrictCharField(max_length=255, required=False, default="", allow_blank=True)
    days = serializers.IntegerField(min_value=1, max_value=90, required=False, help_text="Valid for; default 7.")


def _new_invitation(request: Request, invitation: Invitation, token: str) -> Response:
    link = request.build_absolute_uri("/invite") + "#" + token
    # The stored invitation's fields, then the secret and the link, which only this answer carries.
    data = {**InvitationOutputSerializer(invitation).data, "token": token, "url": link}
    return Response(data, status=status.HTTP_201_CREATED)


class ProjectInvitationCollectionApi(APIView):
    permission_classes = [MembersOnly]

    @extend_schema(
        operation_id="projects_invitations_list",
        summary="List a project's open invitations",
        description="Owners only: the invitations not used and not expired (their secrets are not shown again).",
        responses={200: InvitationOutputSerializer(many=True), **error_responses(403, 404)},
    )
    def get(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug, needs=Role.OWNER)
        return Response(InvitationOutputSerializer(invitation_list(project=access.project), many=True).data)

    @extend_schema(
        operation_id="projects_invitations_create",
        summary="Invite someone to a project by link",
        description="Owners only. The link works once, until it expires; whoever opens it signs up (or signs "
        "in) and joins with the role given.",
        request=InvitationInputSerializer,
        responses={201: NewInvitationSerializer, **error_responses(400, 403, 404)},
    )
    def post(self, request: Request, slug: str) -> Response:
        access = project_for_request(request, slug, needs=Role.OWNER)
        options = _validated(InvitationInputSerializer, request.data)
        invitation, token = invitation_create(created_by=request.user, project=access.project, **options)
        return _new_invitation(request, invitation, token)


class ProjectInvitationDetailApi(APIView):
    permission_classes = [MembersOnly]

    @extend_schema(
        operation_id="projects_invitations_destroy",
        summary="Revoke an invitation",
        description="Owners only; its link stops working.",
        request=None,
        responses={204: OpenApiResponse(description="Revoked."), **error_responses(403, 404)},
    )
    def delete(self, request: Request, slug: str, invitation_id: int) -> Response:
        access = project_for_request(request, slug, needs=Role.OWNER)
        invitation = invitation_list(project=access.project).filter(pk=invitation_id).first()
        if invitation is None:
            raise NotFound(f"no open invitation {invitation_id} in {slug!r}")
        invitation_revoke(invitation=invitation)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SiteInvitationApi(APIView):
    permission_classes = [IsAdminUser]

    @extend_schema(
        operation_id="invitations_create",
        summary="Invite someone to the site by link",
        description="Site admins only: an account without a project (projects invite from their own URL).",
        request=InvitationInputSerializer,
        responses={201: NewInvitationSerializer, **error_responses(400, 403)},
    )
    def post(self, request: Request) -> Response:
        options = _validated(InvitationInputSerializer, request.data)
        invitation, token = invitation_create(created_by=request.user, project=None, **options)
        return _new_invitation(request, invitation, token)


class AccountSerializer(serializers.Serializer):
    username = StrictCharField(max_length=150)
    password = StrictCharField(max_length=1024, trim_whitespace=False)


class InvitationTokenSerializer(serializers.Serializer):
    token = StrictCharField(max_length=128)


class ProjectNameSerializer(serializers.Serializer):
    name = serializers.CharField()
    slug = serializers.SlugField()


class InvitationLookupApi(APIView):
    """What a link invites to, for the page that opens it, before anyone accepts. The secret travels in the body (never
    in a URL); whoever holds it may see what it is for, as they could join by accepting it."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonymousAnalysisRateThrottle]

    class InvitationFoundSerializer(serializers.Serializer):
        project = ProjectNameSerializer(allow_null=True, help_text="Null: an invitation to the site only.")
        role = serializers.ChoiceField(choices=ROLES)
        expires_at = serializers.DateTimeField()
        invited_by = serializers.CharField(allow_null=True, help_text="Who made it; null when their account is gone.")

    @extend_schema(
        operation_id="invitations_lookup",
        summary="Read an invitation",
        description="What an invitation link is for (its project, role and expiry, who made it), without using it. "
        "An unknown, used or expired invitation is a 404.",
        request=InvitationTokenSerializer,
        responses={200: InvitationFoundSerializer, **error_responses(400, 404, 429)},
    )
    def post(self, request: Request) -> Response:
        invitation = invitation_get_open(token=_validated(InvitationTokenSerializer, request.data)["token"])
        if invitation is None:
            raise NotFound("this invitation is unknown, used or expired")
        project = invitation.project
        found = {
            "project": {"name": project.name, "slug": project.slug} if project is not None else None,
            "role": invitation.role,
            "expires_at": invitation.expires_at,
            "invited_by": invitation.created_by.get_username() if invitation.created_by else None,
        }
        return Response(self.InvitationFoundSerializer(found).data)


class InvitationAcceptApi(APIView):
    """The secret travels in the body, never in a URL, so it stays out of access logs."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonymousAnalysisRateThrottle]

    class InvitationAcceptSerializer(InvitationTokenSerializer):
        username = StrictCharField(max_length=150, required=False)
        password = StrictCharField(max_length=1024, trim_whitespace=False, required=False)

    class InvitationAcceptedSerializer(serializers.Serializer):
        username = serializers.CharField()
        project = ProjectOutputSerializer(allow_null=True)

    @extend_schema(
        operation_id="invitations_accept",
        summary="Accept an invitation",
        description="Signed in: you join the invitation's project. Not signed in: `username` and `password` "
        "create your account, which joins it, and sign you in. An unknown, used or expired invitation is a 404.",
        request=InvitationAcceptSerializer,
        responses={200: InvitationAcceptedSerializer, **error_responses(400, 403, 404, 429)},
    )
    def post(self, request: Request) -> Response:
        SessionAuthentication().enforce_csrf(request)  # it may sign someone in: no login CSRF
        data = _validated(self.InvitationAcceptSerializer, request.data)
        try:
            if request.user.is_authenticated:
                user = request.user
                membership = invitation_accept(token=data["token"], user=user)
            else:
                if invitation_get_open(token=data["token"]) is None:
                    raise InvitationNotOpen()
                account = _validated(AccountSerializer, data)
                user, membership = user_sign_up(invitation_token=data["token"], **account)
                login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
        except InvitationNotOpen as error:
            raise NotFound("this invitation is unknown, used or expired") from error
        project = _project_data(membership.project, membership.role) if membership is not None else None
        return Response({"username": user.get_username(), "project": project})


class SignedUpSerializer(serializers.Serializer):
    username = serializers.CharField()


class SignUpApi(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [AnonymousAnalysisRateThrottle]

    @extend_schema(
        operation_id="signup_create",
        summary="Sign up",
        description="Only when the site allows open sign-up (DOCKWRIGHT_OPEN_SIGNUP, off by default; else 403: "
        "sign-up is by invitation). Creates the account and signs you in.",
        request=AccountSerializer,
        responses={201: SignedUpSerializer, **error_responses(400, 403, 429)},
    )
    def post(self, request: Request) -> Response:
        SessionAuthentication().enforce_csrf(request)
        account = _validated(AccountSerializer, request.data)
        try:
            user, _ = user_sign_up(**account)
        except PermissionError as error:
            raise PermissionDenied(str(error)) from error
        login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response(SignedUpSerializer({"username": user.get_username()}).data, status=status.HTTP_201_CREATED)
