from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class MissingHealthcheck(Rule):
    id = "DF006"
    slug = "missing-healthcheck"
    severity = Severity.INFO
    title = "Final stage has no HEALTHCHECK"
    rationale = (
        "Without a HEALTHCHECK, Docker and Compose only know whether the process is alive, not whether it "
        "serves: a hung server stays `running`, and `depends_on: condition: service_healthy` cannot wait for "
        "it. `HEALTHCHECK NONE` records a deliberate choice (for example when an orchestrator probes instead)."
    )
    bad = "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n"
    good = (
        "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n"
        "HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost/ || exit 1\n"
    )
    fix_title = "Add a HEALTHCHECK (or `HEALTHCHECK NONE` to opt out deliberately)"
    equivalents = {"hadolint": "DL3057"}
    # Off by default, like hadolint's DL3057: Kubernetes ignores HEALTHCHECK and many images are probed
    # by their orchestrator instead, so this would be noise for them.
    enabled_by_default = False
    notes = (
        "A HEALTHCHECK in a stage the final stage builds on (`FROM <stage>`) counts. A final `FROM scratch` "
        "stage that copies files in and runs nothing (no CMD or ENTRYPOINT) is an artifact-export stage "
        "(`--output`) and is not reported, where hadolint reports it; an empty `FROM scratch` stage is."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        stage = document.final_stage
        if stage is None:
            return
        keywords = {i.keyword for i in lineage_instructions(stage)}
        if "HEALTHCHECK" in keywords:
            return
        image = stage.root_image
        if (
            image is not None
            and image.is_scratch
            and keywords & {"COPY", "ADD"}
            and not keywords & {"CMD", "ENTRYPOINT"}
        ):
            return
        yield self.finding(stage.from_instruction.keyword_span, Message("the final stage defines no HEALTHCHECK"))
