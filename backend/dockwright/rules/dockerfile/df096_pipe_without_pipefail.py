from __future__ import annotations

import posixpath
from collections.abc import Iterator

import tree_sitter

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.commands import run_scripts
from dockwright.dockerfile.shell import ShellScript, active_shell
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Shells that know `-o pipefail`. `sh` is not among them: Debian's dash refuses the option, and where /bin/sh is
# busybox ash (Alpine) SHELL can name /bin/ash.
PIPEFAIL_SHELLS = frozenset({"bash", "zsh", "ash", "ksh", "mksh"})


@register
class PipeWithoutPipefail(Rule):
    id = "DF096"
    slug = "pipe-without-pipefail"
    severity = Severity.WARNING
    title = "RUN with a pipe, without `pipefail`"
    rationale = (
        "A pipeline's status is that of its last command: in `curl -fsSL $URL | tar -xz` a failed download "
        "still lets the build go on with an empty or partial result. `-o pipefail` makes any failure count."
    )
    bad = "FROM debian:12\nRUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n"
    good = (
        'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n'
        "RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n"
    )
    fix_title = 'Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail` in the RUN)'
    equivalents = {"hadolint": "DL4006"}
    notes = (
        "`set -o pipefail` earlier in the same RUN (or heredoc script) counts, which hadolint ignores. The "
        "pipe itself is reported. As in hadolint, `-o pipefail` in SHELL counts for bash, zsh and ash (and ksh), "
        "not for plain `sh`."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, script in run_scripts(document):
            if _shell_has_pipefail(instruction):
                continue
            for part in (script, *script.children):
                pipe = _first_unguarded_pipe(part)
                if pipe is not None:
                    yield self.finding(pipe, Message("this pipe hides the failure of the commands before it"))
                    break


def _shell_has_pipefail(instruction: Instruction) -> bool:
    shell = active_shell(instruction)
    if posixpath.basename(shell[0]) not in PIPEFAIL_SHELLS:
        return False
    return any(arg == "pipefail" and i > 0 and "o" in shell[i - 1] for i, arg in enumerate(shell))


def _first_unguarded_pipe(script: ShellScript) -> Span | None:
    pipes = list(_pipes(script))
    if not pipes:
        return None
    guards = [c.span for c in script.commands if c.program == "set" and any("pipefail" in a.value for a in c.args)]
    data = script.text.encode("utf-8")
    for node in pipes:
        start = len(data[: node.start_byte].decode("utf-8", "replace"))
        end = start + len(data[node.start_byte : node.end_byte].decode("utf-8", "replace"))
        span = script.source.span(start, end)
        if not any(guard < span for guard in guards):
            return span
    return None


def _pipes(script: ShellScript) -> Iterator[tree_sitter.Node]:
    """The first `|` of each outermost pipeline: one inside another is part of the same failure."""
    outer_end = -1
    for pipeline in script.pipelines:
        if pipeline.start_byte < outer_end:
            continue
        outer_end = pipeline.end_byte
        for child in pipeline.children:
            if child.type in ("|", "|&"):
                yield child
                break
