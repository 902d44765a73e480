from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile, Service
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._dockerfiles import has_healthcheck


@register
class MissingHealthcheck(ComposeRule):
    id = "DC031"
    slug = "service-without-healthcheck"
    severity = Severity.INFO
    title = "A long-running service has no healthcheck"
    rationale = (
        "Without a healthcheck Compose only knows the process is running, not that it serves: dependants "
        "cannot wait for `service_healthy` and a hung server is never reported or restarted by orchestrators."
    )
    bad = "services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped"
    good = (
        "services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n    healthcheck:\n"
        '      test: ["CMD", "curl", "-f", "http://localhost/"]'
    )
    fix_title = "Add a `healthcheck` (or `healthcheck: {disable: true}` to say none is wanted)"
    notes = (
        "Only services that look long-running are checked: they publish ports, have a restart policy other "
        "than `no` (`restart`, or `deploy.restart_policy`, which docker compose applies too and which wins "
        "when both are set; its condition defaults to `any`), or others depend on them. Jobs others wait for "
        "with `service_completed_successfully` are skipped, and so are services whose image gets a "
        "healthcheck from the Dockerfile they build, analysed or `dockerfile_inline` (the same test as "
        "DC032: the last HEALTHCHECK of the built stage, `build.target` or the last one, unless it is "
        "`HEALTHCHECK NONE`). Services of included files count as dependants. With `extends`, what the base "
        "service sets counts (restart, ports, healthcheck), as Compose merges it in; the finding stays on "
        "the service in this file. A service whose base cannot be read (its file is not among the analysed "
        "files or lies outside the compose file's folder) is not reported."
        " Override files (and `-f` lists) are merged in as Compose merges them; the finding is in the first"
        " file of the project that defines the service."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        project = document.project(context)
        jobs = project.awaited_completion()
        depended_on = project.depended_on()
        for service in project.first_defined_here():
            # A compose `healthcheck` of any kind (`disable: true` included) says the author decided.
            if "healthcheck" in service.body or service.name in jobs or service.is_one_shot():
                continue
            if service.incomplete or not _long_running(service, depended_on):
                continue
            if has_healthcheck(service, context):
                continue
            yield self.finding(service.key.span, Message("service {name!r} has no healthcheck", name=service.name))


def _long_running(service: Service, depended_on: set[str]) -> bool:
    return bool(service.restart_policy()) or bool(service.ports) or service.name in depended_on
