from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping, Scalar
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
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
        "Only `replicas` written in this file are reported (an inherited one is reported in its own file); "
        "limits inherited with `extends` count. A service whose `extends` base cannot be read is not reported."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).services:
            replicas = _replicas(service.written)
            if replicas is None or service.incomplete or _has_limits(service.body):
                continue
            yield self.finding(
                replicas.span, f"service {service.name!r} runs {replicas.value} replicas without resource limits"
            )


def _replicas(body: Mapping) -> Scalar | None:
    """``deploy.replicas`` when it asks for more than one."""
    deploy = body.get("deploy")
    replicas = deploy.get("replicas") if isinstance(deploy, Mapping) else None
    if not isinstance(replicas, Scalar) or not isinstance(replicas.value, int) or replicas.value < 2:
        return None
    return replicas


def _has_limits(body: Mapping) -> bool:
    deploy = body.get("deploy")
    resources = deploy.get("resources") if isinstance(deploy, Mapping) else None
    limits = resources.get("limits") if isinstance(resources, Mapping) else None
    if isinstance(limits, Mapping) and limits.pairs:
        return True
    return any(key in body for key in _SERVICE_LIMITS)
