from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.options import RuleOption, words

# Tags that name a moving target rather than a release (dclint's list).
MOVING_TAGS = frozenset({"latest", "stable", "edge", "test", "nightly", "dev", "beta", "canary", "lts"})


@register
class ImageWithoutExplicitTag(ComposeRule):
    id = "DC019"
    slug = "image-without-explicit-tag"
    severity = Severity.WARNING
    title = "A service's image has no tag, or a moving tag such as `latest`"
    rationale = (
        "`latest`, `stable` and friends (and no tag at all, which means `latest`) move: the same file runs "
        "a different image tomorrow, and a rollback cannot return to yesterday's."
    )
    bad = "services:\n  web:\n    image: nginx:latest"
    good = "services:\n  web:\n    image: nginx:1.27"
    fix_title = "Pin a release tag or a digest"
    equivalents = {"dclint": "service-image-require-explicit-tag"}
    options = (
        RuleOption("moving_tags", "the tags that count as moving", tuple(sorted(MOVING_TAGS)), words,
                   dclint="prohibitedTags"),
    )  # fmt: skip
    notes = (
        "An image made of unresolved variables (`${IMAGE}`) is not judged; dclint reports it. A tag ending in "
        "`-latest` (`mssql/server:2022-latest`) moves like `latest` and is reported too; dclint only compares "
        "whole tags."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        moving = self.option(context, "moving_tags")
        for service in document.services:
            node = service.scalar("image")
            if node is None or node.unresolved or not node.text:
                continue
            image = node.text.strip()
            last = image.rsplit("/", 1)[-1]
            if "@" in last:
                continue
            _, _, tag = last.partition(":")
            if not tag:
                yield self.finding(
                    node.span,
                    Message(
                        "image {image!r} of service {name!r} has no tag (means latest)", image=image, name=service.name
                    ),
                )
            elif tag in moving or ("latest" in moving and tag.endswith("-latest")):
                yield self.finding(
                    node.span,
                    Message(
                        "image {image!r} of service {name!r} uses the moving tag {tag!r}",
                        image=image,
                        name=service.name,
                        tag=tag,
                    ),
                )
