from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.labels import label_pairs
from dockwright.dockerfile.variables import process_word
from dockwright.findings import Finding, Severity
from dockwright.labels import label_key_problem
from dockwright.rules.base import Rule, register


@register
class InvalidLabelKey(Rule):
    id = "DF078"
    slug = "invalid-label-key"
    severity = Severity.STYLE
    title = "Label key does not follow Docker's key format"
    rationale = (
        "Docker asks label keys to be lower-case, dotted reverse-DNS names and reserves com.docker.*, "
        "io.docker.* and org.dockerproject.*; tools that query labels rely on that."
    )
    bad = 'FROM debian:12\nLABEL "Build Date"="2024-05-01"\n'
    good = 'FROM debian:12\nLABEL org.opencontainers.image.created="2024-05-01T00:00:00Z"\n'
    fix_title = "Use a lower-case reverse-DNS key (`org.opencontainers.image.*`)"
    equivalents = {"hadolint": "DL3048"}
    notes = (
        "Keys are judged as the build sets them, variables substituted; a key whose variable is not defined is "
        "judged as written (`$` is not a key character), as hadolint does."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, pair in label_pairs(document):
            key = pair.key
            if "$" in key:
                expansion = process_word(pair.key_text, instruction.scope, instruction.escape)
                if not expansion.undefined:
                    key = expansion.value
            problem = label_key_problem(key)
            if problem:
                yield self.finding(pair.key_span, problem)
