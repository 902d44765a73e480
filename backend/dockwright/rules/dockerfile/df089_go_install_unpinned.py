from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.packages import GO, package_commands
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# What `go get` and `go run` do with a module, for the message.
_DONE = {"get": Message("fetched"), "run": Message("run")}


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
    notes = (
        "`go get` and `go run` are checked too. `@latest`, a branch (`@master`, `@main`, `@HEAD`) and `@upgrade` or "
        "`@patch` count as no version. Local packages (`.`, `./cmd/app`, `main.go`) build the code in the context "
        "and are not reported, nor are paths without a domain (the standard library), except with `go get "
        "-tool`, which only adds modules."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for use in package_commands(document, GO):
            done = _DONE.get(use.action, Message("installed"))
            words = use.unpinned()
            if use.action == "get" and use.has_flag("-tool", "--tool"):
                words = [w for w in use.packages if w.literal and (w in words or not _local_or_versioned(w.value))]
            for word in words:
                yield self.finding(
                    word.span, Message("`{word}` is {done} by go without a fixed version", word=word.value, done=done)
                )


def _local_or_versioned(package: str) -> bool:
    return package.startswith((".", "/")) or package.endswith(".go") or "@" in package
