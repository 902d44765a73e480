from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class MissingRestartPolicy(ComposeRule):
    id = "DC033"
    slug = "missing-restart-policy"
    severity = Severity.INFO
    title = "A service has no restart policy"
    rationale = (
        "Without `restart`, a container that crashes, or every container after the host reboots, stays "
        "down until someone notices; say `unless-stopped` (or `no` for a one-shot job) explicitly."
    )
    bad = "services:\n  web:\n    image: nginx:1.27"
    good = "services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped"
    fix_title = 'Add `restart: unless-stopped` (or `restart: "no"` for a one-shot job)'
    notes = (
        "`deploy.restart_policy` counts as a restart policy: docker compose applies it too. "
        "Jobs that other services (here or in included files) wait for with `service_completed_successfully` "
        "are not reported. With `extends`, what the base service sets counts, as Compose merges it in; the "
        "finding stays on the service in this file. A service whose base cannot be read (its file is not "
        "among the analysed files or lies outside the compose file's folder) is not reported."
        " Override files (and `-f` lists) are merged in as Compose merges them; the finding is in the first"
        " file of the project that defines the service."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        project = document.project(context)
        jobs = project.awaited_completion()
        for service in project.first_defined_here():
            if service.restart_policy() is not None or service.name in jobs or service.incomplete:
                continue
            yield self.finding(service.key.span, Message("service {name!r} has no restart policy", name=service.name))
