from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class FromPlatformConstant(Rule):
    id = "DF063"
    slug = "from-platform-constant"
    severity = Severity.WARNING
    title = "FROM --platform is set to a constant"
    rationale = (
        "A fixed `--platform=linux/amd64` makes the image build for one platform whatever the builder is "
        "asked for, so multi-platform builds silently produce the wrong architecture (and run emulated). "
        "`$BUILDPLATFORM` or `$TARGETPLATFORM` keep the choice with the build."
    )
    bad = "FROM --platform=linux/amd64 debian:12\n"
    good = "FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n"
    fix_title = "Use `$BUILDPLATFORM`/`$TARGETPLATFORM`, or pass `--platform` to the build instead"
    equivalents = {"hadolint": "DL3029", "buildkit": "FromPlatformFlagConstDisallowed"}
    notes = (
        "As in BuildKit, a stage whose name contains the platform's OS or architecture "
        "(`FROM --platform=linux/arm64 alpine AS build-arm64`) is taken as deliberate and not reported."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            flag = stage.from_instruction.flag("platform")
            if flag is None or not flag.value or "$" in flag.value:
                continue
            parts = [p for p in flag.value.lower().replace(",", "/").split("/") if p]
            if stage.name and any(p in stage.name.lower() for p in parts):
                continue
            yield self.finding(
                flag.span, Message("`--platform={flag}` pins the stage to one platform", flag=flag.value)
            )
