"""API tokens in the admin: listed with their last use, revoked by deleting them. They are made through the API
(POST /api/v1/tokens), which shows the secret once; the admin never sees a secret, only the token's first
characters."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from tokens.models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "token_key", "user", "project", "scope_list", "created", "expiry", "last_used")
    list_filter = ("created", "last_used")
    search_fields = ("name", "token_key", "user__username", "project__slug")
    list_select_related = ("user", "project")
    fields = ("uid", "name", "token_key", "user", "project", "scope_list", "created", "expiry", "last_used")
    readonly_fields = fields

    @admin.display(description="scopes")
    def scope_list(self, token: ApiToken) -> str:
        return ", ".join(token.scopes)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: ApiToken | None = None) -> bool:
        return False
