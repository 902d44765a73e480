from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.commands import commands_of, operands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class SymlinkedShell(Rule):
    id = "DF095"
    slug = "symlinked-shell"
    severity = Severity.WARNING
    title = "RUN replaces /bin/sh with a symlink"
    rationale = (
        "Pointing /bin/sh at bash changes the shell of every script in the image, including the ones the "
        "packages install; the SHELL instruction changes it for the Dockerfile's own RUNs only."
    )
    bad = "FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n"
    good = 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n'
    fix_title = "Use the SHELL instruction instead"
    equivalents = {"hadolint": "DL4005"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "ln"):
            words = operands(command.args, frozenset({"-t", "--target-directory", "-S", "--suffix"}))
            if len(words) >= 2 and words[-1].value in ("/bin/sh", "/usr/bin/sh"):
                yield self.finding(
                    words[-1].span,
                    Message(
                        "`{words}` is replaced by a link to `{words2}`", words=words[-1].value, words2=words[0].value
                    ),
                )
