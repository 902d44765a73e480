from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.paths import copy_paths
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class AddUrlWithoutChecksum(Rule):
    id = "DF118"
    slug = "add-url-without-checksum"
    severity = Severity.WARNING
    title = "ADD downloads a URL without `--checksum`"
    rationale = (
        "ADD fetches the URL at build time and puts whatever it gets into the image: a replaced release, a "
        "compromised mirror or a changed file goes in unnoticed. `ADD --checksum=sha256:...` makes the build "
        "fail instead."
    )
    bad = "FROM debian:12\nADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n"
    good = (
        "# syntax=docker/dockerfile:1\nFROM debian:12\n"
        "ADD --checksum=sha256:93dcc18adc78c65a028a84799ecf8ad40c936fdfc5f2a57b1acda5a8117fa82c \\\n"
        "    https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n"
    )
    fix_title = "Add `--checksum=sha256:<digest of the file>`"
    notes = (
        "HTTP and HTTPS sources; a Git repository (`.git`, `git@...`) is pinned by its commit instead. "
        "`--checksum` needs the Dockerfile 1.6 syntax (BuildKit)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "ADD"):
            if instruction.flag("checksum") is not None:
                continue
            paths = copy_paths(instruction)
            if paths is None:
                continue
            for word in paths.sources:
                url = instruction.expand(word.value).value
                if not url.startswith(("http://", "https://")) or _git(url):
                    continue
                yield self.finding(
                    word.span,
                    Message(
                        "ADD downloads {url} without --checksum: a changed or tampered file goes into the image "
                        "unnoticed",
                        url=url,
                    ),
                )


def _git(url: str) -> bool:
    """A Git repository URL (`https://github.com/o/r.git#ref`), which a commit pins, not a checksum."""
    return url.split("#", 1)[0].split("?", 1)[0].rstrip("/").endswith(".git")
