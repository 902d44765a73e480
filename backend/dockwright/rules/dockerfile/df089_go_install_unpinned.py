from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import commands_of, subcommand_operands

VALUE_FLAGS = frozenset(
    ["-o", "-p", "-tags", "-ldflags", "-gcflags", "-asmflags", "-mod", "-modfile", "-pkgdir", "-toolexec", "-C"]
)
MOVING = ("latest", "master", "main", "HEAD")


@register
class GoInstallUnpinned(Rule):
    id = "DF089"
    slug = "go-install-unpinned"
    severity = Severity.WARNING
    title = "go install fetches a module without a version"
    rationale = (
        "`go install example.com/tool@latest` (or a path outside the module) builds whatever is newest on "
        "the day of the build; `@v1.2.3` keeps builds reproducible."
    )
    bad = "FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@latest\n"
    good = "FROM golang:1.23\nRUN go install golang.org/x/tools/cmd/goimports@v0.24.0\n"
    fix_title = "Pin a version (`@v0.24.0`)"
    equivalents = {"hadolint": "DL3062"}
    notes = "Local packages (`.`, `./cmd/app`) build the code in the context and are not reported."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, command in commands_of(document, "go"):
            for word in subcommand_operands(command, ("install",), VALUE_FLAGS) or ():
                value = word.value
                if not word.literal or value.startswith((".", "/")) or "." not in value.split("/", 1)[0]:
                    continue
                _, at, version = value.partition("@")
                if not at or version in MOVING:
                    yield self.finding(word.span, f"`{value}` is installed by go without a fixed version")
