from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.edits import append_line_after, block_key_indent
from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Mapping, Scalar, Sequence
from dockwright.context import LintContext
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._dockerfiles import has_healthcheck


@register
class DependencyWithoutHealthCondition(ComposeRule):
    id = "DC032"
    slug = "dependency-without-health-condition"
    severity = Severity.WARNING
    title = "`depends_on` waits for a service to start, not to be healthy, although it has a healthcheck"
    rationale = (
        "Plain `depends_on` only waits until the dependency's container has started, not until the "
        "database accepts connections; its healthcheck exists precisely so that dependants can wait with "
        "`condition: service_healthy`."
    )
    bad = (
        "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n  db:\n    image: postgres:17\n"
        "    healthcheck:\n      test: [CMD, pg_isready]"
    )
    good = (
        "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_healthy\n"
        "  db:\n    image: postgres:17\n    healthcheck:\n      test: [CMD, pg_isready]"
    )
    fix_title = "Wait with `condition: service_healthy`"
    notes = (
        "A dependency's healthcheck counts wherever Compose finds it: in this file, inherited with "
        "`extends`, in a service of an included file (when that file is among the analysed files), or as "
        "the HEALTHCHECK of the Dockerfile the dependency builds (an analysed Dockerfile or "
        "`dockerfile_inline`; the last HEALTHCHECK of the built stage counts, `HEALTHCHECK NONE` does not). "
        "A compose `healthcheck` with `disable: true` (or `yes`, `on`...) or `test: [NONE]` turns it off."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        project = document.project(context)
        healthy = {service.name for service in project.all_services() if has_healthcheck(service, context)}
        # What the project runs: an override file may add the condition to a dependency written here.
        conditioned = {
            service.name: {name for name, _, options in service.dependencies() if options and "condition" in options}
            for service in project.services
        }
        for service in document.services:
            for name, node, options in service.dependencies():
                if name not in healthy or name in conditioned.get(service.name, ()):
                    continue
                if options is not None and "condition" in options:
                    continue
                edits = _edits(document, service, healthy, options)
                yield self.finding(
                    node.span,
                    Message(
                        "service {name!r} does not wait for {name2!r} to be healthy", name=service.name, name2=name
                    ),
                    Fix(self.fix_title, edits, safe=bool(edits)),
                )


def _edits(document: ComposeFile, service: Service, healthy: set[str], options: Mapping | None) -> tuple[Edit, ...]:
    if options is not None:
        indent = block_key_indent(document.lines, options)
        if indent is None:
            return ()
        last_line = max(value.span.end_line for _, value in options.pairs)
        return (append_line_after(document.lines, last_line, indent, "condition: service_healthy"),)
    return _list_to_mapping(document, service, healthy)


def _list_to_mapping(document: ComposeFile, service: Service, healthy: set[str]) -> tuple[Edit, ...]:
    """Rewrite a `depends_on` list as a mapping; the others keep Compose's default, service_started."""
    key = service.body.key("depends_on")
    value = service.get("depends_on")
    if key is None or not isinstance(value, Sequence) or not value.items:
        return ()
    if not all(isinstance(item, Scalar) and item.source == item.raw for item in value.items):
        return ()
    start = (key.span.end_line, key.span.end_column)
    end = (value.span.end_line, value.span.end_column)
    covered = document.lines[start[0] - 1 : end[0]]
    rest = document.lines[end[0] - 1][end[1] - 1 :]
    if any("#" in line for line in covered) or rest.strip():
        return ()  # comments in the block would be lost; leave it to the author
    indent = " " * (key.span.start_column - 1 + 2)
    entries = []
    for item in value.items:
        assert isinstance(item, Scalar)
        condition = "service_healthy" if item.raw in healthy else "service_started"
        entries.append(f"\n{indent}{item.raw}:\n{indent}  condition: {condition}")
    return (Edit(Span(start[0], start[1], end[0], end[1]), ":" + "".join(entries)),)
