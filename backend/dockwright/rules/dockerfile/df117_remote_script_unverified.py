from __future__ import annotations

import itertools
import posixpath
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.pipelines import feeds
from dockwright.dockerfile.shell import POSIX_SHELLS, ShellCommand
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_DOWNLOADERS = frozenset({"curl", "wget"})
# Programs that run what they read: shells and interpreters (`python3 -`, `php -- --install-dir=...`).
_RUNNERS = frozenset({*POSIX_SHELLS, "python", "python3", "perl", "ruby", "php", "node", "pwsh"})


@register
class RemoteScriptUnverified(Rule):
    id = "DF117"
    slug = "remote-script-unverified"
    severity = Severity.WARNING
    title = "A script downloaded during the build is run without checking it"
    rationale = (
        "`curl https://... | sh` runs whatever the server (or anyone who can change what it serves) sends, with "
        "root rights in the build, and the result is baked into the image; nothing records what ran. Download "
        "the script or binary, check it against a published checksum or signature, then run it."
    )
    bad = "FROM debian:12\nRUN curl -fsSL https://get.example.com/install.sh | sh\n"
    good = (
        "FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://get.example.com/v1.2.0/install.sh \\\n"
        '    && echo "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae  /tmp/install.sh" '
        "| sha256sum -c - \\\n    && sh /tmp/install.sh\n"
    )
    fix_title = "Download to a file, verify its checksum or signature, then run it"
    notes = (
        "Reported: curl or wget piped into a shell or an interpreter (sh, bash, python, perl, ruby, php, node), "
        'directly or through sudo/env, and a download handed to one by substitution (`sh -c "$(curl ...)"`, '
        "`bash <(curl ...)`). A script piped straight into a shell cannot be checked first, so a checksum "
        "elsewhere in the RUN does not help. TLS enforcement (`--proto '=https'`) protects the transport, not "
        "the content."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, producer, consumer in feeds(document, _DOWNLOADERS, _RUNNERS):
            runner = _runner(consumer)
            if runner is None or not _to_stdout(producer):
                continue
            url = next((a.value for a in producer.args if "://" in a.value), "a URL")
            yield self.finding(
                producer.name.span.cover(consumer.name.span),
                Message(
                    "`{program} {url}` is run by `{runner}` unchecked: whatever that server sends (or whoever "
                    "changes it) runs in the build and ships in the image",
                    program=producer.program,
                    url=url,
                    runner=runner,
                ),
            )


def _to_stdout(command: ShellCommand) -> bool:
    """Whether the download goes to standard output: curl without -o/-O, wget with `-O -`."""
    if command.program == "curl":
        return not command.has_flag("-o", "-O", "--output", "--remote-name", "--remote-name-all")
    values = [a.value for a in command.args]
    return any(
        v == "--output-document=-" or (v.startswith("-") and not v.startswith("--") and v.endswith("O-"))
        for v in values
    ) or any(v in ("-O", "--output-document") and n == "-" for v, n in itertools.pairwise(values))


def _runner(command: ShellCommand) -> str | None:
    """The shell or interpreter ``command`` runs: itself, or the program after sudo/env."""
    words = [command.name, *command.args]
    for word in words[:4]:
        name = posixpath.basename(word.value)
        if name in _RUNNERS:
            return name
        if name not in ("sudo", "env", "exec") and not word.value.startswith("-") and "=" not in word.value:
            return None
    return None
