from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import YUM, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class YumUnpinned(Rule):
    id = "DF066"
    slug = "yum-unpinned"
    severity = Severity.WARNING
    title = "yum installs a package without a version"
    rationale = (
        "`yum install httpd` installs whatever the repository has on the day of the build; `httpd-2.4.57` "
        "keeps builds reproducible."
    )
    bad = "FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n"
    good = "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all\n"
    fix_title = "Pin the version (`httpd-2.4.57`)"
    equivalents = {"hadolint": "DL3033"}
    notes = (
        "A version is `-` followed by a digit: hadolint takes any `-` as a version, so it misses "
        "`python3-devel`, which we report. Package groups (`groupinstall`) have no version and are not reported. "
        "A version from a variable is judged as the RUN sees it: one that only another stage sets (ARG or ENV) "
        "is empty here, since a stage sees only the ARGs it declares; hadolint accepts such an ARG."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, YUM):
            for word in use.unpinned():
                yield self.finding(
                    word.span, Message("`{word}` is installed by yum without a version", word=word.value)
                )
