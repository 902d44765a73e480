from __future__ import annotations

from collections.abc import Iterator

from dockwright import knowledge
from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.users import base_runs_as_root
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class NoUser(Rule):
    id = "DF090"
    knows = staticmethod(knowledge.default_users)
    slug = "no-user"
    severity = Severity.INFO
    title = "The image never sets a USER"
    rationale = (
        "Without USER the container runs as whoever the base image chose, which is root for most. Naming "
        "the user makes the choice explicit and reviewable."
    )
    bad = 'FROM python:3.12-slim\nCMD ["python", "-m", "http.server"]\n'
    good = 'FROM python:3.12-slim\nUSER 10001\nCMD ["python", "-m", "http.server"]\n'
    fix_title = "Add a USER instruction to the final stage"
    enabled_by_default = False
    notes = (
        "Off by default. Quiet when the base image is known to run as a non-root user (distroless `:nonroot`, "
        "elasticsearch). Checked on the final "
        "stage and the stages it builds on. hadolint has no such rule (its DL3063 is the reserved stage name "
        "rule, DF104 here)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        final = document.final_stage
        if final is None or (final.image is not None and final.image.is_scratch):
            return
        base = final.lineage[-1].image
        if base is not None and base_runs_as_root(base) is False:
            return  # the base image already runs as another user (distroless :nonroot, elasticsearch)
        if not any(stage.named("USER") for stage in final.lineage):
            yield self.finding(final.from_instruction.keyword_span, Message("the final stage never sets a USER"))
