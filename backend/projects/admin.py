"""Projects, members and invitations in the admin. Invitations are made here too: the link's secret is shown once,
in the message after saving (only its hash is stored)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms import ModelForm
from django.http import HttpRequest

from projects.models import Invitation, Membership, Project, ProjectPolicy
from projects.policy import policy_config_validated
from projects.services import invitation_create


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


class ProjectPolicyForm(ModelForm):
    def clean_config(self) -> Any:
        try:
            return policy_config_validated(self.cleaned_data["config"] or {})
        except ValidationError as error:
            raise ValidationError(error.message_dict["config"]) from error


class ProjectPolicyInline(admin.StackedInline):
    model = ProjectPolicy
    form = ProjectPolicyForm
    fields = ("config", "updated", "updated_by")
    readonly_fields = ("updated", "updated_by")
    can_delete = False


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "visibility", "default_branch", "created")
    list_filter = ("visibility",)
    search_fields = ("slug", "name")
    inlines = [ProjectPolicyInline, MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("project", "user", "role", "created")
    list_filter = ("role",)
    search_fields = ("project__slug", "user__username")
    autocomplete_fields = ("project", "user")


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ("__str__", "note", "created_by", "created", "expires_at", "used_at", "used_by")
    list_filter = ("role", "used_at")
    search_fields = ("project__slug", "note")
    fields = ("project", "role", "note", "created_by", "created", "expires_at", "used_at", "used_by")
    readonly_fields = ("created_by", "created", "expires_at", "used_at", "used_by")
    autocomplete_fields = ("project",)

    def get_fields(self, request: HttpRequest, obj: Invitation | None = None) -> Any:
        return self.fields if obj is not None else ("project", "role", "note")

    def has_change_permission(self, request: HttpRequest, obj: Invitation | None = None) -> bool:
        return False  # an invitation is made and revoked (deleted), never edited

    def save_model(self, request: HttpRequest, obj: Invitation, form: ModelForm, change: bool) -> None:
        invitation, token = invitation_create(
            created_by=request.user, project=obj.project, role=obj.role, note=obj.note
        )
        obj.pk = invitation.pk
        link = request.build_absolute_uri("/invite") + "#" + token
        messages.warning(request, f"The invitation link (shown only now, copy it): {link}")
