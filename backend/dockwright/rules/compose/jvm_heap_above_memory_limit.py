from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Mapping, Scalar
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._servers import environment_entries

# Variables the JVM (or the launcher script of Elasticsearch, OpenSearch, Logstash, Kafka) reads its options from.
_JVM_OPTIONS = frozenset(
    {"JAVA_OPTS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JVM_OPTS", "ES_JAVA_OPTS", "OPENSEARCH_JAVA_OPTS",
     "LS_JAVA_OPTS", "KAFKA_HEAP_OPTS", "CATALINA_OPTS"}
)  # fmt: skip
_HEAP = re.compile(r"(?:^|\s)-Xmx(\d+)([kKmMgGtT]?)(?=\s|$)")
_JVM_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}
_COMPOSE_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([bkmg]?)b?\s*$", re.IGNORECASE)
_COMPOSE_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


@register
class JvmHeapAboveMemoryLimit(ComposeRule):
    id = "DC069"
    slug = "jvm-heap-above-memory-limit"
    severity = Severity.ERROR
    title = "The JVM heap (-Xmx) is as large as the service's memory limit, or larger"
    rationale = (
        "The heap is only part of a JVM's memory (metaspace, thread stacks, direct buffers, the code cache come "
        "on top): with `-Xmx` at or above the container's memory limit, the kernel kills the process as soon as "
        "the heap fills, which for Elasticsearch or Kafka is under load, in production."
    )
    bad = (
        "services:\n  es:\n    image: elasticsearch:8.15.3\n    environment:\n      ES_JAVA_OPTS: -Xms2g -Xmx2g\n"
        "    mem_limit: 2g"
    )
    good = (
        "services:\n  es:\n    image: elasticsearch:8.15.3\n    environment:\n      ES_JAVA_OPTS: -Xms1g -Xmx1g\n"
        "    mem_limit: 2g"
    )
    fix_title = "Keep -Xmx at about half to three quarters of the memory limit, or raise the limit"
    notes = (
        "The heap is the last `-Xmx` in JAVA_OPTS, JAVA_TOOL_OPTIONS, _JAVA_OPTIONS, JVM_OPTS, ES_JAVA_OPTS, "
        "OPENSEARCH_JAVA_OPTS, LS_JAVA_OPTS, KAFKA_HEAP_OPTS or CATALINA_OPTS; the limit is "
        "`deploy.resources.limits.memory`, else `mem_limit`. Only a heap at or above the limit is reported (a "
        "heap close to it may still fail, but how close is too close depends on the program). Values from "
        "variables without a value are not judged. No peer has this check."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            limit = _memory_limit(service)
            if limit is None:
                continue
            for name, value, node in environment_entries(service):
                heaps = _HEAP.findall(value) if name in _JVM_OPTIONS else []
                if not heaps:
                    continue
                number, unit = heaps[-1]
                heap = int(number) * _JVM_UNITS[unit.lower()]
                if heap >= limit[0]:
                    yield self.finding(
                        node.span,
                        Message(
                            "service {name!r} gives the JVM a heap of -Xmx{heap} in {variable}, but its memory "
                            "limit is {limit}: the kernel kills it when the heap fills",
                            name=service.name,
                            heap=number + unit,
                            variable=name,
                            limit=limit[1],
                        ),
                    )


def _memory_limit(service: Service) -> tuple[int, str] | None:
    """The service's memory limit in bytes and as written: `deploy.resources.limits.memory`, else `mem_limit`."""
    deploy = service.get("deploy")
    resources = deploy.get("resources") if isinstance(deploy, Mapping) else None
    limits = resources.get("limits") if isinstance(resources, Mapping) else None
    for node in (limits.get("memory") if isinstance(limits, Mapping) else None, service.get("mem_limit")):
        if isinstance(node, Scalar) and not node.unresolved and node.value is not None:
            match = _COMPOSE_SIZE.match(node.text)
            if match:
                return int(float(match.group(1)) * _COMPOSE_UNITS[match.group(2).lower()]), node.text.strip()
    return None
