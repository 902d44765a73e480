from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class NotComposeFile(ComposeRule):
    id = "DC038"
    slug = "not-compose-file"
    severity = Severity.ERROR
    title = "The YAML is not a Compose file"
    rationale = (
        "A Kubernetes manifest, a CI pipeline or an OpenAPI document read as Compose only yields schema "
        "errors about keys Compose does not know; one finding saying what the file is tells more."
    )
    bad = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web"
    good = "services:\n  web:\n    image: nginx:1.29.3"
    fix_title = "Lint it with a tool for its format, or pass Dockwright only Compose files"
    checks_foreign = True
    notes = (
        "Recognised by top-level keys no Compose file has: `apiVersion` and `kind` (Kubernetes), `apiVersion`, "
        "`name` and `version` (a Helm Chart.yaml), `on` and `jobs` (GitHub Actions), `stages` or jobs with a "
        "`script` (GitLab CI), `openapi`/`swagger`, `AWSTemplateFormatVersion`/`Resources` (CloudFormation), "
        "a top-level list (an Ansible playbook and the like). A file with `services` or `include` is always "
        "Compose. No other rule runs on such a file; the CLI exits with 2 for a file named on its command "
        "line and skips one found in a folder, saying so."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        if document.foreign is not None and document.root is not None:
            start = document.root.span  # its first key or item, after any comment lines
            span = Span(start.start_line, start.start_column, start.start_line, start.start_column + 1)
            yield self.finding(span, Message("not a Compose file: looks like {foreign}", foreign=document.foreign))
