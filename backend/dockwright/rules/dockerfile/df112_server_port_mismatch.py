from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.build_context import context_files
from dockwright.dockerfile.queries.listening import Listener, command_args, local_urls, stage_listeners
from dockwright.dockerfile.queries.ports import exposed_ports
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message, and_list
from dockwright.rules.base import Rule, register


@register
class ServerPortMismatch(Rule):
    id = "DF112"
    slug = "server-port-mismatch"
    severity = Severity.WARNING
    title = "EXPOSE or the HEALTHCHECK names a port the server does not listen on"
    rationale = (
        "EXPOSE tells people and tools which port to publish, and a health check that asks another port than "
        "the server's fails forever. When the command says `--port 8000` and EXPOSE says 80, one of them is "
        "wrong: `docker run -p 80:80` reaches nothing, and an orchestrator restarts a healthy container."
    )
    bad = 'FROM python:3.12-slim\nEXPOSE 80\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n'
    good = 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n'
    fix_title = "Make EXPOSE and the HEALTHCHECK use the port the server listens on (or move the server)"
    notes = (
        "The server's port is read from the final stage's ENTRYPOINT and CMD and the environment they run with: "
        "gunicorn and hypercorn `--bind`, uvicorn, daphne, flask run, runserver, rails server, next, jupyter, "
        "vite and streamlit options and defaults, Kestrel's ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS, Spring "
        "Boot's server.port / SERVER_PORT, php-fpm's 9000, `-addr`/`--listen`-style flags of other programs, "
        "and the nginx configuration or Caddyfile the image copies from the build context (when the analysis "
        "has it). Conventions a program may not follow (PORT for Node.js) are not used. EXPOSE is reported "
        "only when none of its ports is one the server listens on; the health check when its URL points into "
        "the container at another port. A compose file that moves the server elsewhere (its environment or "
        "command) is compared with EXPOSE and the HEALTHCHECK by DC070."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        stage = document.final_stage
        if stage is None:
            return
        found = [lis for lis in stage_listeners(stage, context_files(context))[1] if _counts(lis)]
        ports = {lis.port for lis in found}
        if not ports:
            return
        server = _describe(found)
        instructions = lineage_instructions(stage)
        exposed = [
            (spec, int(spec.container_port))
            for instruction in instructions
            if instruction.keyword == "EXPOSE"
            for spec in exposed_ports(instruction)
            if spec.container_port.isdigit() and len(spec.container_port) <= 5 and spec.protocol.lower() != "udp"
        ]
        if exposed and not any(port in ports for _, port in exposed):
            for spec, port in exposed:
                yield self.finding(
                    spec.word.span,
                    Message(
                        "EXPOSE {port}, but {server}: a port published as {port} reaches nothing",
                        port=port,
                        server=server,
                    ),
                )
        checks = [i for i in instructions if i.keyword == "HEALTHCHECK"]
        if checks and checks[-1].words and checks[-1].words[0].value.upper() == "CMD":
            for use in local_urls(command_args(checks[-1])):
                if use.port not in ports and use.arg.span is not None:
                    yield self.finding(
                        use.arg.span,
                        Message(
                            "the health check asks port {port}, but {server}: the container never becomes healthy",
                            port=use.port,
                            server=server,
                        ),
                    )
                    break


def _counts(listener: Listener) -> bool:
    return listener.certain and listener.port is not None and not listener.admin


def _describe(found: list[Listener]) -> str:
    described = []
    for listener in found:
        text = listener.describe_port()
        if text not in described:
            described.append(text)
    return and_list(described[:3])
