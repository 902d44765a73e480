from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class CopyFromOwnStage(Rule):
    id = "DF058"
    slug = "copy-from-own-stage"
    severity = Severity.ERROR
    title = "COPY --from names the stage it is in"
    rationale = "A stage cannot copy from itself: the build fails with a dependency cycle."
    bad = "FROM node:20 AS build\nCOPY --from=build /app/dist /srv\n"
    good = "FROM node:20 AS build\nRUN npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /srv\n"
    fix_title = "Copy from an earlier stage, or within the stage with a plain COPY/RUN cp"
    equivalents = {"hadolint": "DL3023"}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "COPY", "ADD"):
            flag = instruction.flag("from")
            stage = instruction.stage
            if flag is None or not flag.value or stage is None:
                continue
            source = instruction.expand(flag.value).value
            own = (stage.name is not None and source.lower() == stage.name.lower()) or source == str(stage.index)
            if own:
                yield self.finding(
                    flag.value_span or flag.span,
                    Message("`--from={source}` names the stage this COPY is in", source=source),
                )
