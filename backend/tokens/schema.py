"""How the OpenAPI schema describes token authentication."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "tokens.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token (`Authorization: Bearer dw_...`), made with POST /api/v1/tokens. Its "
            "scopes decide what it may call: `read` every GET, `analyses:write` linting and sharing, "
            "`scans:write` uploading scans.",
        }
