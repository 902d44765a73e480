from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.image import ImageRef
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.users import last_user, user_name
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register

ROOT_USERS = ("root", "0")
# Official images whose own Dockerfile ends with a non-root USER.
_NON_ROOT_OFFICIAL_IMAGES = frozenset({"elasticsearch", "kibana", "logstash", "sonarqube"})
# Other images known to default to root when no USER is set (besides official ones and scratch):
# Google's distroless, Microsoft's .NET and Red Hat's UBI images.
_ROOT_DEFAULT_REPOSITORIES = re.compile(r"(^|/)(distroless/|dotnet/|ubi\d+(/|-|$))")


@register
class RootUser(Rule):
    id = "DF005"
    slug = "root-user"
    severity = Severity.WARNING
    title = "Final stage runs as root"
    rationale = (
        "A container whose process runs as root turns any code-execution bug into root inside the container, "
        "one kernel or runtime bug away from root on the host, and lets the process rewrite its own image "
        "files. Create an unprivileged user in the image and switch to it with USER."
    )
    bad = 'FROM python:3.12-slim\nCOPY app.py /app/\nCMD ["python", "/app/app.py"]\n'
    good = (
        "FROM python:3.12-slim\nRUN useradd --create-home app\nCOPY app.py /app/\nUSER app\n"
        'CMD ["python", "/app/app.py"]\n'
    )
    fix_title = "Add `USER <non-root user>` to the final stage"
    equivalents = {"hadolint": "DL3002"}
    notes = (
        "hadolint's DL3002 only reports a last `USER root` (in any stage); Dockwright checks the stage that "
        "becomes the image, following `FROM <earlier stage>`, and also reports a final stage with no USER at "
        "all when the base image is known to default to root: official Docker Hub images (except the few "
        "that end with a non-root USER, such as elasticsearch), scratch, distroless, .NET and UBI images "
        "(not their `:nonroot` tags). Other images may set a USER of their own, so their missing USER is "
        "not reported."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        stage = document.final_stage
        if stage is None:
            return
        user = last_user(stage)
        if user is None:
            image = stage.root_image
            if image is None or not _defaults_to_root(image):
                return
            yield self.finding(
                stage.from_instruction.keyword_span,
                f"the final stage (`{image.raw}`) never sets USER, so its process runs as root",
            )
            return
        name = user_name(user)
        if name in ROOT_USERS:
            yield self.finding(user.arguments_span, f"the final stage's last USER is `{user.arguments.strip()}`")


def _defaults_to_root(image: ImageRef) -> bool:
    """Whether the image is known to run as root when the Dockerfile sets no USER (unknown images: no)."""
    if "nonroot" in (image.tag or "").lower():
        return False
    if image.is_scratch:
        return True
    if image.is_official:
        return image.name not in _NON_ROOT_OFFICIAL_IMAGES
    return bool(_ROOT_DEFAULT_REPOSITORIES.search(image.repository.lower()))
