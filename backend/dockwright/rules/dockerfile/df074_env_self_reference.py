from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.dockerfile.variables import references
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class EnvSelfReference(Rule):
    id = "DF074"
    slug = "env-self-reference"
    severity = Severity.ERROR
    title = "ENV uses a variable set earlier in the same ENV"
    rationale = (
        "All values of one ENV instruction are substituted before any is set, so `ENV A=1 B=$A` gives B the "
        "value A had before this line (usually nothing), not 1."
    )
    bad = "FROM debian:12\nENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin\n"
    good = "FROM debian:12\nENV APP_HOME=/srv/app\nENV APP_BIN=$APP_HOME/bin\n"
    fix_title = "Split the ENV so the variable is set before it is used"
    equivalents = {"hadolint": "DL3044"}
    notes = (
        "`ENV PATH=/opt/bin:$PATH` (a variable extending its own earlier value) is fine and not reported, unless "
        "an earlier pair of the same ENV sets it too (`ENV PATH=/a:$PATH PATH=/b:$PATH` loses `/a`)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "ENV"):
            defined: set[str] = set()
            for pair in instruction.pairs:
                for reference in references(pair.value_text, instruction.escape):
                    if reference.name in defined:
                        yield self.finding(
                            pair.value_span,
                            Message(
                                "`{key}` uses `${name}`, which this same ENV sets earlier; it gets "
                                "the value from before "
                                "this ENV",
                                key=pair.key,
                                name=reference.name,
                            ),
                        )
                        break
                defined.add(pair.key)
