from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import YUM, caches_kept
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class YumCacheKept(Rule):
    id = "DF065"
    slug = "yum-cache-kept"
    severity = Severity.WARNING
    title = "yum install without `yum clean all` in the same RUN"
    rationale = (
        "yum keeps downloaded packages and metadata under /var/cache/yum; unless the same RUN cleans them, "
        "they stay in the layer and bloat the image."
    )
    bad = "FROM centos:7\nRUN yum install -y httpd-2.4.6\n"
    good = "FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n"
    fix_title = "End the RUN with `yum clean all`"
    equivalents = {"hadolint": "DL3032"}
    notes = (
        "`rm -rf /var/cache/yum` after the install, or a cache or tmpfs mount on /var/cache/yum, also satisfies the "
        "rule; a clean-up before the install does not. Only stages that end up "
        "in the image are checked (the final stage, those it builds on, and ONBUILD triggers): a builder stage's "
        "cache never ships. hadolint's DL3032 checks every stage."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for kept in caches_kept(document, YUM):
            yield self.finding(kept[0].command.name.span, Message("`yum clean all` is missing after this yum command"))
