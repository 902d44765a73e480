from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping, Scalar
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._production import production_service

# Drivers that write to the host's disk and rotate only when told to (`local` rotates by default).
_FILE_DRIVERS = ("json-file", "")


@register
class LoggingWithoutSizeLimit(ComposeRule):
    id = "DC067"
    slug = "logging-without-size-limit"
    severity = Severity.WARNING
    title = "A production service's `logging` writes to disk without a size limit"
    rationale = (
        "The json-file driver keeps every line a container ever printed, in one file that never rotates: a "
        "long-running service that logs a little fills the host's disk in weeks, and everything on that host "
        "stops with it."
    )
    bad = (
        "services:\n  web:\n    image: example/web:1.0\n    environment:\n      NODE_ENV: production\n"
        "    logging:\n      driver: json-file"
    )
    good = (
        "services:\n  web:\n    image: example/web:1.0\n    environment:\n      NODE_ENV: production\n"
        "    logging:\n      driver: json-file\n      options:\n"
        "        max-size: 10m\n        max-file: '3'"
    )
    fix_title = "Set `options.max-size` (and `max-file`), or use the `local` driver, which rotates"
    notes = (
        "Judged on services meant for production (in files named for production, `docker-compose.prod.yml`, "
        "or whose environment says production, NODE_ENV=production and the like), "
        "long-running services (one-shot jobs, `restart: no` with nothing waiting on them, are left alone) whose "
        "`logging` is written with the json-file driver (or none named) and no `max-size`. A service without "
        "`logging` takes the daemon's defaults (daemon.json may rotate), so it is not reported. Logging brought "
        "in by a merge key counts. No peer has this check."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            logging = service.get("logging")
            if not isinstance(logging, Mapping) or service.is_one_shot():
                continue
            if not production_service(service, context.filename):
                continue
            driver = logging.get("driver")
            if isinstance(driver, Scalar) and (driver.unresolved or driver.text.strip() not in _FILE_DRIVERS):
                continue
            options = logging.get("options")
            if isinstance(options, Mapping) and "max-size" in options:
                continue
            yield self.finding(
                service.span_of("logging"),
                Message(
                    "service {name!r} logs to json-file without max-size: its log grows without end", name=service.name
                ),
            )
