from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._servers import service_server


@register
class ComposeLoopbackBind(ComposeRule):
    id = "DC051"
    slug = "service-loopback-bind"
    severity = Severity.ERROR
    title = "The service's command or environment binds 127.0.0.1 or localhost inside its container"
    rationale = (
        "Inside a container, 127.0.0.1 is the container's own loopback: a server told to listen there refuses "
        "the published port and every other service. Bind 0.0.0.0 inside; to keep the port private to the "
        "host, publish it as `127.0.0.1:8080:8080`."
    )
    bad = "services:\n  api:\n    image: python:3.12-slim\n    command: uvicorn app:app --host 127.0.0.1\n"
    good = "services:\n  api:\n    image: python:3.12-slim\n    command: uvicorn app:app --host 0.0.0.0\n"
    fix_title = "Bind 0.0.0.0 in the command or variable (and publish on 127.0.0.1 if it must stay local)"
    notes = (
        "Only settings written in the compose file are reported here (a `command`, an `entrypoint`, an "
        "`environment` value); a bind the Dockerfile sets is DF113's. The servers and their defaults are those "
        "of DF112 and DF113. A healthcheck connecting to localhost, or a port published on the host's "
        "127.0.0.1, is right and never reported."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).services:
            server = service_server(service, context)
            seen = set()
            for listener in server.listening:
                if not listener.loopback or listener.admin:
                    continue
                setting = listener.host_setting
                span = setting.span if setting is not None else listener.program_span
                if span is None or span not in server.compose_spans or span in seen:
                    continue
                seen.add(span)
                yield self.finding(
                    span,
                    Message(
                        "in service {name!r}, {listens}: connections to port {port} from the published port and "
                        "other services are refused",
                        name=service.name,
                        listens=listener.describe_host(),
                        port=listener.port,
                    )
                    if listener.port
                    else Message(
                        "in service {name!r}, {listens}: connections from the published port and other services "
                        "are refused",
                        name=service.name,
                        listens=listener.describe_host(),
                    ),
                )
