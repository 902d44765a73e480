from __future__ import annotations

import json
from collections.abc import Iterator

from dockwright.compose.edits import append_line_after, block_key_indent
from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Scalar
from dockwright.context import LintContext
from dockwright.data.images import ImageFacts, facts_for
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._dockerfiles import built_dockerfile, has_healthcheck


@register
class HealthyConditionWithoutHealthcheck(ComposeRule):
    id = "DC054"
    slug = "healthy-condition-without-healthcheck"
    severity = Severity.ERROR
    title = "`condition: service_healthy` waits for a service that has no healthcheck"
    rationale = (
        "A service without a healthcheck never becomes healthy, so Compose refuses to start what waits for it "
        "(`dependency failed to start: container ... has no healthcheck configured`). Most official images "
        "set no HEALTHCHECK: the compose file has to give one."
    )
    bad = (
        "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_healthy\n"
        "  db:\n    image: mysql:8.4\n"
    )
    good = (
        "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_healthy\n"
        "  db:\n    image: mysql:8.4\n    healthcheck:\n      test: [CMD, mysqladmin, ping, -h, localhost]\n"
    )
    fix_title = "Give the dependency a healthcheck (or wait with `service_started`)"
    notes = (
        "A healthcheck counts wherever Compose finds it (as in DC032): the service's `healthcheck`, inherited "
        "with `extends` or from another file of the project, or the HEALTHCHECK of the Dockerfile it builds. "
        "A pulled image is judged only when the image table knows it (none of its images sets a "
        "HEALTHCHECK, as the Docker Official Images never do); a service built from a Dockerfile the analysis "
        "lacks, or with an unreadable `extends` base, is not judged. When the image table has a health "
        "command for the image and the dependency is written in this file, the fix adds it as the "
        "dependency's healthcheck."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        project = document.project(context)
        by_name = {service.name: service for service in project.all_services()}
        for service in document.services:
            for name, _, options in service.dependencies():
                condition = options.get("condition") if options is not None else None
                if not isinstance(condition, Scalar) or condition.text != "service_healthy":
                    continue
                target = by_name.get(name)
                if target is None or target.incomplete or has_healthcheck(target, context):
                    continue
                facts = _pulled_image(target, context)
                if facts is None:
                    continue  # built from a Dockerfile the analysis lacks, or an image we do not know
                yield self.finding(
                    condition.span,
                    Message(
                        "service {name!r} waits for {name2!r} to be healthy, but {name2!r} has no healthcheck (nor "
                        "does the {image} image): Compose refuses to start {name!r}",
                        name=service.name,
                        name2=name,
                        image=facts.image,
                    ),
                    _fix(document, target, facts),
                )


def _pulled_image(service: Service, context: LintContext) -> ImageFacts | None:
    if service.get("build") is not None:
        return None
    image = service.scalar("image")
    if image is None or image.unresolved or not image.text.strip() or built_dockerfile(service, context):
        return None
    return facts_for(image.text.strip())


def _fix(document: ComposeFile, service: Service, facts: ImageFacts) -> Fix | None:
    command = next((h.command for h in facts.health if h.command), None)
    written = document.service(service.name)
    if command is None or written is None or "healthcheck" in service.body:
        return Fix(HealthyConditionWithoutHealthcheck.fix_title)
    indent = block_key_indent(document.lines, written.body)
    if indent is None:
        return Fix(HealthyConditionWithoutHealthcheck.fix_title)
    last = max(value.span.end_line for _, value in written.body.pairs)
    test = json.dumps(["CMD", *command])
    edit = append_line_after(document.lines, last, indent, f"healthcheck:\n{' ' * (indent + 2)}test: {test}")
    return Fix(
        Message("Add a healthcheck to {name!r}: `{command}`", name=service.name, command=" ".join(command)), (edit,)
    )
