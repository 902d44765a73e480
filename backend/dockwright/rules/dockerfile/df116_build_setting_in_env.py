from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction, KeyValue
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Variables that only make sense while building: they tell package tools not to ask.
_BUILD_ONLY = {
    "DEBIAN_FRONTEND": Message("apt and debconf inside the running container never ask"),
    "DEBCONF_NONINTERACTIVE_SEEN": Message("debconf inside the running container never asks"),
}


@register
class BuildSettingInEnv(Rule):
    id = "DF116"
    slug = "build-setting-in-env"
    severity = Severity.INFO
    title = "A build-time setting such as DEBIAN_FRONTEND is set with ENV"
    rationale = (
        "ENV values stay in the image and in every container started from it: `DEBIAN_FRONTEND=noninteractive` "
        "is meant for the build's apt-get, but then also silences anyone using apt in the container, and shows "
        "up in `docker inspect`. An ARG (or `DEBIAN_FRONTEND=noninteractive apt-get ...` inline) is visible to "
        "the build's RUNs only."
    )
    bad = "FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update && apt-get install -y tzdata\n"
    good = "FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update && apt-get install -y tzdata\n"
    fix_title = "Declare it with ARG instead of ENV"
    notes = (
        "DEBIAN_FRONTEND and DEBCONF_NONINTERACTIVE_SEEN. The fix turns an ENV that sets nothing else into an ARG "
        "(`ENV NAME value` becomes `ARG NAME=value`); it is applied by `--fix` only when no later stage builds on "
        "this one, since an ARG, unlike an ENV, does not reach a stage that starts `FROM` it."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "ENV"):
            for pair in instruction.pairs:
                consequence = _BUILD_ONLY.get(pair.key)
                if consequence is None:
                    continue
                yield self.finding(
                    pair.key_span,
                    Message(
                        "ENV {key} stays set in the image: {consequence}; an ARG is enough for the build",
                        key=pair.key,
                        consequence=consequence,
                    ),
                    _fix(document, instruction, pair),
                )


def _fix(document: Dockerfile, instruction: Instruction, pair: KeyValue) -> Fix | None:
    if len(instruction.pairs) != 1 or instruction.parent is not None or "\n" in instruction.arguments:
        return None
    stage = instruction.stage
    inherited = stage is not None and any(s.base_stage is stage for s in document.stages)
    value = pair.value_text if pair.has_value else ""
    keyword = "ARG" if instruction.keyword_text.isupper() else "arg"
    start = instruction.keyword_span
    end = instruction.arguments_span
    span = Span(start.start_line, start.start_column, end.end_line, end.end_column)
    return Fix(
        BuildSettingInEnv.fix_title, (Edit(span, f"{keyword} {pair.key_text or pair.key}={value}"),), not inherited
    )
