"""The shared check behind the one-per-stage rules (CMD, ENTRYPOINT, HEALTHCHECK): only the last counts."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding
from dockwright.rules.base import Rule


def overridden(rule: Rule, document: Dockerfile, keyword: str) -> Iterator[Finding]:
    """Report every `keyword` instruction a later one in the same stage overrides (as BuildKit does: the
    ignored one is the mistake)."""
    for stage in document.stages:
        instructions = stage.named(keyword)
        for earlier, later in itertools.pairwise(instructions):
            yield rule.finding(
                earlier.keyword_span,
                f"this {keyword} has no effect: the {keyword} on line {later.line} replaces it",
            )
