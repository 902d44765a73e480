from __future__ import annotations

from collections.abc import Iterator

from dockwright import knowledge
from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.data.eol import end_of_life
from dockwright.dockerfile.image import parse_image
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class EndOfLifeImage(ComposeRule):
    id = "DC034"
    knows = staticmethod(knowledge.release_lines)
    slug = "end-of-life-image"
    severity = Severity.WARNING
    title = "A service runs an image whose release has reached end of life"
    rationale = (
        "Releases past their end of life get no security fixes; vulnerabilities found from then on stay "
        "open in every container that runs them."
    )
    bad = "services:\n  db:\n    image: postgres:11"
    good = "services:\n  db:\n    image: postgres:17"
    fix_title = "Upgrade to a supported release"
    notes = "Dates come from a dated table in dockwright.data.eol; `today` in the config makes results reproducible."

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            node = service.scalar("image")
            if node is None or node.unresolved or not node.text.strip():
                continue
            image = parse_image(node.text)
            if not image.is_official:
                continue
            for release in end_of_life(image.name, image.tag, context.today):
                yield self.finding(
                    node.span,
                    Message(
                        "image {node!r} of service {name!r} runs {product} {release}, end of life since {eol} "
                        "({source})",
                        node=node.text.strip(),
                        name=service.name,
                        product=release.product,
                        release=release.release,
                        eol=release.eol.isoformat(),
                        source=release.source,
                    ),
                )
