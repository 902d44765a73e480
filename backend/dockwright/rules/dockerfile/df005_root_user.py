from __future__ import annotations

from collections.abc import Iterator

from dockwright import knowledge
from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.users import ROOT_USERS, base_runs_as_root, last_user, user_name
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class RootUser(Rule):
    id = "DF005"
    knows = staticmethod(knowledge.default_users)
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
        "hadolint's DL3002 reports a last `USER root` in any stage; Dockwright checks the stage that becomes "
        "the image, following `FROM <earlier stage>` (a builder stage's root user never ships, and builders "
        "usually need it). It also says when the image runs as root without any USER: as a warning when the "
        "base image is known to default to root (an image the image table describes with no USER of its "
        "own, scratch, distroless, .NET and UBI images, not their `:nonroot` tags), as info when the base is "
        "not known (`FROM ${IMAGE}`, an image outside the table): it runs as root unless that image sets a "
        "user. A base known to set another user (elasticsearch, distroless `:nonroot`) is not reported."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        stage = document.final_stage
        if stage is None:
            return
        user = last_user(stage)
        if user is not None:
            name = user_name(user)
            if name in ROOT_USERS:
                yield self.finding(
                    user.arguments_span,
                    Message("the final stage's last USER is `{arguments}`", arguments=user.arguments.strip()),
                )
            return
        base = stage.lineage[-1]
        image = base.image
        root = base_runs_as_root(image) if image is not None else None
        if root is True:
            assert image is not None
            yield self.finding(
                stage.from_instruction.keyword_span,
                Message(
                    "the final stage never sets USER and `{image}` runs as root, so its process does", image=image.raw
                ),
            )
        elif root is None:
            if image is not None:
                why = Message(
                    "root unless `{image}` sets another (Dockwright does not know that image)", image=image.raw
                )
            else:
                why = Message(
                    "root unless `{image_text}`, known at build time only, sets another", image_text=base.image_text
                )
            yield Finding(
                self.id,
                Severity.INFO,
                Message("the final stage never sets USER, so it runs as the user of its base image: {why}", why=why),
                stage.from_instruction.keyword_span,
            )
