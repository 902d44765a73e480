from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.build_context import context_files
from dockwright.dockerfile.queries.listening import Listener, stage_listeners
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class LoopbackBind(Rule):
    id = "DF113"
    slug = "loopback-bind"
    severity = Severity.ERROR
    title = "The server listens on 127.0.0.1 or localhost inside the container"
    rationale = (
        "Inside a container, 127.0.0.1 is the container's own loopback: a server bound there refuses every "
        "connection from outside it, a published port and other containers included. Servers meant to be "
        "reached bind 0.0.0.0 (every interface); keep a host-only service private with `-p 127.0.0.1:...` "
        "on the host side instead."
    )
    bad = 'FROM python:3.12-slim\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1", "--port", "8000"]\n'
    good = 'FROM python:3.12-slim\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n'
    fix_title = "Bind 0.0.0.0"
    notes = (
        "Reads the final stage's ENTRYPOINT and CMD and their environment as DF112 does, including the "
        "defaults that bind loopback: uvicorn, gunicorn (without --bind, PORT or a config file), hypercorn, "
        "daphne, `flask run` (without --host or FLASK_RUN_HOST), runserver, jupyter and vite. A health check "
        "connecting to 127.0.0.1 is right and never reported. The fix rewrites the address, not the port; it "
        "is not applied by `--fix`, since listening on every interface is a decision to review."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        stage = document.final_stage
        if stage is None:
            return
        reported: set[Span] = set()
        for listener in stage_listeners(stage, context_files(context))[1]:
            if not listener.loopback or listener.admin:
                continue
            setting = listener.host_setting
            span = setting.span if setting is not None else listener.program_span
            if span is None or span in reported:
                continue
            reported.add(span)
            yield self.finding(span, _message(listener), _fix(listener, span))


def _message(listener: Listener) -> Message:
    if listener.port:
        return Message(
            "{listens} inside the container: connections to port {port} from outside it are refused",
            listens=listener.describe_host(),
            port=listener.port,
        )
    return Message(
        "{listens} inside the container: connections from outside it are refused", listens=listener.describe_host()
    )


def _fix(listener: Listener, span: Span) -> Fix | None:
    setting = listener.host_setting
    if setting is None or setting.word is None or setting.span != span or listener.host is None:
        return None
    if setting.word.count(listener.host) != 1:
        return None
    return Fix(LoopbackBind.fix_title, (Edit(span, setting.word.replace(listener.host, "0.0.0.0")),))
