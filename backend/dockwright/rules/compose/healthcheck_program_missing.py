from __future__ import annotations

import posixpath
import shlex
from collections.abc import Iterator

from dockwright import knowledge
from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence
from dockwright.context import LintContext
from dockwright.dockerfile.model import Stage
from dockwright.dockerfile.queries.packages import OS_TOOLS, package_commands
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._servers import service_server

# Shell words that start no program of the image.
_BUILTINS = frozenset({"exit", "test", "[", "[[", "true", "false", "echo", "printf", "cd", "set", "export", "!"})


@register
class HealthcheckProgramMissing(ComposeRule):
    id = "DC062"
    knows = staticmethod(knowledge.programs_on_path)
    slug = "healthcheck-program-missing"
    severity = Severity.ERROR
    title = "The healthcheck runs a program the image does not have"
    rationale = (
        "A healthcheck runs inside the container: `curl` on an Alpine or slim image, or `mysqladmin` on "
        "MariaDB 11 (which dropped the mysql* names), is not there, so every check fails, the service is never "
        "healthy, and whatever waits for it with `service_healthy` never starts."
    )
    bad = (
        "services:\n  db:\n    image: mariadb:11.4\n    healthcheck:\n"
        "      test: [CMD, mysqladmin, ping, -h, localhost]\n"
    )
    good = (
        "services:\n  db:\n    image: mariadb:11.4\n    healthcheck:\n"
        "      test: [CMD, healthcheck.sh, --connect, --innodb_initialized]\n"
    )
    fix_title = "Use a program the image has (the image's own health command, BusyBox wget, the runtime itself)"
    notes = (
        "The image is the one the service pulls, or the one its Dockerfile builds on; the image table says which "
        "programs it has (a program it does not list is never judged). A Dockerfile that installs the program "
        "with a package tool, in the stage the service builds or one it builds on, provides it. Shell-form tests "
        "(`CMD-SHELL` or a string) are judged by their first command."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).services:
            healthcheck = service.get("healthcheck")
            test = healthcheck.get("test") if isinstance(healthcheck, Mapping) else None
            if test is None or not document.owns(test):
                continue
            program = _program(test)
            if program is None:
                continue
            server = service_server(service, context)
            facts = server.facts
            if facts is None or facts.has(program) is not False:
                continue
            if server.stage is not None and _installed(server.stage, program):
                continue
            image = service.text("image") if server.stage is None else (server.stage.lineage[-1].image_text)
            waiting = _waiting(document, service)
            yield self.finding(
                test.span,
                Message(
                    "the healthcheck of {name!r} runs `{program}`, which {value} does not have: every check "
                    "fails and the service is never healthy{waiting}",
                    name=service.name,
                    program=program,
                    value=image or facts.image,
                    waiting=waiting,
                ),
            )


def _program(test: Node) -> str | None:
    """The program a `test` starts: the first word after CMD, or the first command of a shell string."""
    if isinstance(test, Sequence):
        items = [item.text for item in test.items if isinstance(item, Scalar)]
        if len(items) < 2 or len(items) != len(test.items):
            return None
        if items[0] == "CMD":
            return posixpath.basename(items[1]) or None
        if items[0] != "CMD-SHELL":
            return None
        text = items[1]
    elif isinstance(test, Scalar) and not test.unresolved:
        text = test.text
    else:
        return None
    try:
        words = shlex.split(text)
    except ValueError:
        return None
    first = next((w for w in words if "=" not in w), None)
    if first is None or "$" in first or first in _BUILTINS:
        return None
    return posixpath.basename(first)


def _installed(stage: Stage, program: str) -> bool:
    """Whether the stage (or one it builds on) installs a package named like the program."""
    for instruction in lineage_instructions(stage):
        if instruction.keyword != "RUN":
            continue
        for use in package_commands(instruction, *OS_TOOLS):
            if any(use.tool.package_name(w.value) == program for w in use.packages if w.literal):
                return True
    return False


def _waiting(document: ComposeFile, service: Service) -> str:
    for other in document.services:
        for name, _, options in other.dependencies():
            condition = options.get("condition") if options is not None else None
            if name == service.name and isinstance(condition, Scalar) and condition.text == "service_healthy":
                return Message(", so {name!r} never starts", name=other.name)
    return ""
