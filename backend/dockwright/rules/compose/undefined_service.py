from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Mapping, Node, Scalar
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class UndefinedService(ComposeRule):
    id = "DC006"
    slug = "undefined-service"
    severity = Severity.ERROR
    title = "A service refers to a service that is not defined"
    rationale = (
        "Compose refuses to start a project where `depends_on`, `links`, `extends`, `volumes_from` or "
        "`network_mode: service:...` name a service the file does not define; usually a typo."
    )
    bad = "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - dbb\n  db:\n    image: postgres:17"
    good = "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n  db:\n    image: postgres:17"
    fix_title = "Name a service defined in this file"
    notes = (
        "Services of files pulled in with `include` count as defined, and `extends: {file: ..., service: ...}` "
        "is checked against that file. Files are read from the analysis (next to the compose file, inside its "
        "folder): when an included file cannot be read, no name is reported, since it may define any; an "
        "`extends` file that cannot be read is not judged either."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        project = document.project(context)
        names = project.service_names()
        for service in document.services:
            if project.complete:
                for name, node in _references(service):
                    if name and name not in names:
                        yield self.finding(
                            node.span,
                            Message(
                                "service {name!r} refers to undefined service {name2!r}", name=service.name, name2=name
                            ),
                        )
            if service.name in project.missing_bases:
                path, base = project.missing_bases[service.name]
                message = Message(
                    "service {name!r} extends service {base!r}, which {path} does not define",
                    name=service.name,
                    base=base,
                    path=path,
                )
                yield self.finding(_extends_node(service).span, message)


def _references(service: Service) -> Iterator[tuple[str, Node]]:
    yield from service.start_dependencies()
    yield from _extends(service)


def _extends_node(service: Service) -> Node:
    extends = service.get("extends")
    target = extends.get("service") if isinstance(extends, Mapping) else None
    return target or extends or service.key


def _extends(service: Service) -> Iterator[tuple[str, Node]]:
    extends = service.get("extends")
    if isinstance(extends, Scalar):
        yield extends.text.strip(), extends
    elif isinstance(extends, Mapping) and extends.get("file") is None:
        target = extends.get("service")
        if isinstance(target, Scalar):
            yield target.text.strip(), target
