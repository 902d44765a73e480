from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping, Scalar, integer
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

_SERVICE_LIMITS = ("mem_limit", "cpus", "cpu_quota")


@register
class ReplicasWithoutLimits(ComposeRule):
    id = "DC035"
    slug = "replicas-without-limits"
    severity = Severity.INFO
    title = "A replicated service sets no CPU or memory limits"
    rationale = (
        "Every replica of a service without limits may take all the host's memory and CPU; one leaking "
        "replica then starves the others and the rest of the host."
    )
    bad = "services:\n  worker:\n    image: example/worker:1.0\n    deploy:\n      replicas: 3"
    good = (
        "services:\n  worker:\n    image: example/worker:1.0\n    deploy:\n      replicas: 3\n"
        "      resources:\n        limits:\n          cpus: '0.5'\n          memory: 256M"
    )
    fix_title = "Set deploy.resources.limits (cpus and memory)"
    notes = (
        "The replica count is `deploy.replicas`, else the service-level `scale`; a quoted number or a "
        "variable (`${WORKERS:-3}`, once interpolated) counts, as Compose converts it. Only a count written "
        "in this file is reported (an inherited one is reported in its own file); limits inherited with "
        "`extends` count. A service whose `extends` base cannot be read is not reported."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).services:
            replicas = _replicas(service.written)
            if replicas is None or service.incomplete or _has_limits(service.body):
                continue
            node, count = replicas
            yield self.finding(
                node.span,
                Message(
                    "service {name!r} runs {count} replicas without resource limits", name=service.name, count=count
                ),
            )


def _replicas(body: Mapping) -> tuple[Scalar, int] | None:
    """The setting asking for more than one replica and the count: ``deploy.replicas``, else ``scale``
    (Compose refuses the two with different values)."""
    deploy = body.get("deploy")
    for node in (deploy.get("replicas") if isinstance(deploy, Mapping) else None, body.get("scale")):
        count = integer(node)
        if isinstance(node, Scalar) and count is not None:
            return (node, count) if count > 1 else None
    return None


def _has_limits(body: Mapping) -> bool:
    deploy = body.get("deploy")
    resources = deploy.get("resources") if isinstance(deploy, Mapping) else None
    limits = resources.get("limits") if isinstance(resources, Mapping) else None
    if isinstance(limits, Mapping) and limits.pairs:
        return True
    return any(key in body for key in _SERVICE_LIMITS)
