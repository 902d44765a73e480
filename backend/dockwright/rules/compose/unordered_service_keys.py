from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.ordering import locale_key
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

# dclint's groups, in order: core, dependencies, data, environment, network, runtime, metadata, security;
# other keys follow alphabetically.
KEY_ORDER = (
    "image", "build", "container_name",
    "depends_on",
    "volumes", "volumes_from", "configs", "secrets",
    "environment", "env_file",
    "ports", "networks", "network_mode", "extra_hosts",
    "command", "entrypoint", "working_dir", "restart", "healthcheck",
    "logging", "labels",
    "user", "isolation",
)  # fmt: skip


@register
class UnorderedServiceKeys(ComposeRule):
    id = "DC020"
    slug = "unordered-service-keys"
    severity = Severity.STYLE
    title = "A service's keys are not in the conventional order"
    rationale = (
        "When every service lists image, build, dependencies, data, environment, network, runtime, "
        "metadata and security settings in the same order, reviewers find things without searching."
    )
    bad = "services:\n  web:\n    ports:\n      - '8080:80'\n    image: nginx:1.27"
    good = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '8080:80'"
    fix_title = "Reorder the keys: " + ", ".join(KEY_ORDER) + ", then the others alphabetically"
    equivalents = {"dclint": "service-keys-order"}

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            keys = [key for key, _ in service.body.pairs]
            others = sorted((k.raw for k in keys if k.raw not in KEY_ORDER), key=locale_key)
            order = {name: position for position, name in enumerate([*KEY_ORDER, *others])}
            previous = -1
            for key in keys:
                position = order[key.raw]
                if position < previous:
                    yield self.finding(
                        key.span, f"key {key.raw!r} of service {service.name!r} comes too late in the service"
                    )
                previous = position
