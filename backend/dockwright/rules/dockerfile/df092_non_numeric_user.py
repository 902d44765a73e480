from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import builds_windows_image, instructions_of
from dockwright.dockerfile.queries.users import user_name
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class NonNumericUser(Rule):
    id = "DF092"
    slug = "non-numeric-user"
    severity = Severity.INFO
    title = "USER names a user instead of a numeric UID"
    rationale = (
        "Kubernetes' `runAsNonRoot` and similar policies can only verify a numeric UID; a user name must be "
        "looked up in the image's /etc/passwd, which the host cannot do, so such images are refused."
    )
    bad = "FROM node:20-slim\nUSER node\n"
    good = "FROM node:20-slim\nUSER 1000:1000\n"
    fix_title = "Use the numeric UID (and GID)"
    equivalents = {"hadolint": "DL3066"}
    notes = (
        "A USER given through a variable is checked after substitution, and skipped when unresolved. Windows "
        "images (a Windows base image, or a cmd or PowerShell shell) have no numeric user ids: their USER "
        "(`ContainerUser`) is not reported."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "USER"):
            user = user_name(instruction)
            if user and not user.isdigit() and not builds_windows_image(instruction):
                yield self.finding(
                    instruction.words[0].span,
                    Message("`{user}` is a user name; policies can only check a numeric UID", user=user),
                )
