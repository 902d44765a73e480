from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.options import RuleOption, boolean


@register
class BuildAndImage(ComposeRule):
    id = "DC012"
    slug = "build-and-image"
    severity = Severity.INFO
    title = "A service has both `build` and `image` without a `pull_policy`"
    rationale = (
        "With both, Compose may pull `image` from a registry instead of building, or push a local build "
        "under a public name; say which one wins with `pull_policy` (e.g. `build`), or keep only one."
    )
    bad = "services:\n  app:\n    build: .\n    image: example/app:1.0"
    good = "services:\n  app:\n    build: .\n    image: example/app:1.0\n    pull_policy: build"
    fix_title = "Keep only one of `build` and `image`, or set `pull_policy`"
    equivalents = {"dclint": "no-build-and-image"}
    options = (
        RuleOption(
            "pull_policy_settles",
            "a `pull_policy` on the service settles which of the two wins (false: report every service with both)",
            True,
            boolean,
            dclint="checkPullPolicy",
        ),
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            body = service.body
            settled = "pull_policy" in body and self.option(context, "pull_policy_settles")
            if "build" in body and "image" in body and not settled:
                yield self.finding(
                    service.span_of("build"),
                    Message("service {name!r} has both `build` and `image`", name=service.name),
                )
