from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import DNF, MICRODNF, caches_kept
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class DnfCacheKept(Rule):
    id = "DF072"
    slug = "dnf-cache-kept"
    severity = Severity.WARNING
    title = "dnf install without `dnf clean all` in the same RUN"
    rationale = (
        "dnf keeps downloaded packages and metadata under /var/cache/dnf; unless the same RUN cleans them, "
        "they stay in the layer and bloat the image."
    )
    bad = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n"
    good = "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n"
    fix_title = "End the RUN with `dnf clean all`"
    equivalents = {"hadolint": "DL3040"}
    notes = (
        "`rm -rf /var/cache/dnf` after the install, or a cache or tmpfs mount on /var/cache/dnf, also satisfies the "
        "rule; a clean-up before the install does not, nor one by the other tool (`microdnf clean all` after `dnf "
        "install`). Subcommand aliases count (`dnf in`, `up`, `rei`). Only stages that end up "
        "in the image are checked (the final stage, those it builds on, and ONBUILD triggers): a builder stage's "
        "cache never ships. hadolint's DL3040 checks every stage."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for kept in caches_kept(document, DNF, MICRODNF):
            program = kept[0].command.program
            yield self.finding(
                kept[0].command.name.span,
                Message("`{program} clean all` is missing after this {program} command", program=program),
            )
