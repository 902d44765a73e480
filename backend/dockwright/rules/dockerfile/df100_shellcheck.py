from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright import budget
from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.shell import ShellScript
from dockwright.dockerfile.shell_jobs import ShellCheckPlan, shellcheck_plan
from dockwright.dockerfile.source_map import SourceMap
from dockwright.findings import Edit, Finding, Fix, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register
from dockwright.shellcheck import runner as shellcheck

SEVERITIES = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "style": Severity.STYLE}


@register
class ShellCheck(Rule):
    """ShellCheck on every shell-form RUN and every heredoc script run by a shell.

    One rule for all ShellCheck codes: each finding carries its code (`SC2086`, also at the start of its
    message) and ShellCheck's severity. The pipeline switches codes off as it does rules: `# dockwright
    ignore=SC2086` (or `# hadolint ignore=SC2086`) before the instruction, `global ignore=` for the file,
    or `ignore: [SC2086]` in the config; `shellcheck: false` in the config switches ShellCheck off.
    """

    id = "DF100"
    slug = "shellcheck"
    severity = Severity.WARNING
    title = "ShellCheck finds a problem in a RUN script"
    rationale = (
        "RUN scripts are shell scripts, with the same quoting, word-splitting and error-handling traps; "
        "ShellCheck knows them all. Findings point at the exact place inside multi-line RUNs and heredocs."
    )
    bad = "FROM debian:12\nRUN cd $HOME && tar -xf $archive_name\n"
    good = 'FROM debian:12\nARG archive_name=app.tar\nRUN tar -xf "$archive_name" -C "$HOME"\n'
    fix_title = "Follow ShellCheck's advice for the code shown"
    example_config: ClassVar[dict[str, object]] = {"shellcheck": True}
    equivalents = {"shellcheck": "SC"}
    notes = (
        "ARG and ENV variables in scope are exported before the script, as the build does, with their values "
        "where the file gives them: they are not reported as unassigned, a constant such as `/srv/app` needs "
        "no quotes and a value with spaces is known to split. An ONBUILD trigger sees the image's ENV but not "
        "its ARGs. BuildKit's proxy variables (`HTTP_PROXY`, `http_proxy`...) are always exported, as hadolint "
        "does, so a near miss such as `$RTTP_PROXY` is reported (SC2153). The `.shellcheckrc` of the linted "
        "folder applies (its `disable=` and `enable=` lines; paths and shells it names are not honoured). "
        'Scripts run by a shell that is not POSIX (SHELL ["pwsh", ...], zsh) and '
        "heredoc bodies for other interpreters (python, node) are skipped. ShellCheck's codes 1090, 1091 and "
        "2187 are off, as in hadolint. ShellCheck's cost grows much faster than a script for some shapes, so "
        "each file has limits (a script's size, commands and nesting; the scripts of a file together; the "
        "time, memory and CPU of the ShellCheck process): what goes over them is not checked and an info "
        "finding says why, where."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        if not context.config.shellcheck:
            return
        plan = shellcheck_plan(document, rc=shellcheck.rc_from(context.files))
        yield from self._not_checked(plan)
        jobs = plan.jobs
        if not jobs:
            return
        try:
            results = shellcheck.check([request for _, request in jobs])
        except shellcheck.ShellCheckError as exc:
            budget.current().transient = True
            yield Finding(
                self.id, Severity.INFO, Message("shell scripts were not checked: {exc}", exc=str(exc)), Span(1, 1, 1, 2)
            )
            return
        for (script, _), comments in zip(jobs, results, strict=True):
            for comment in comments:
                yield Finding(
                    self.id,
                    SEVERITIES.get(comment.level, Severity.WARNING),
                    Message("{sc_code}: {message}", sc_code=comment.sc_code, message=comment.message),
                    script.source.span(comment.start, comment.end),
                    _fix(comment, script.source),
                    code=comment.sc_code,
                )

    def _not_checked(self, plan: ShellCheckPlan) -> Iterator[Finding]:
        """What the analysis' limits kept from ShellCheck, said where it is."""
        for script, reason in plan.skipped:
            yield Finding(
                self.id,
                Severity.INFO,
                Message("ShellCheck was not run on this script: {reason}", reason=reason),
                _start(script),
            )
        if plan.over_budget:
            limits = budget.current().limits
            yield Finding(
                self.id,
                Severity.INFO,
                Message(
                    "ShellCheck was not run on this script and {over_budget_count:,} later ones: the file's "
                    "scripts together are over the limit of {max_scripts:,} scripts or {max_scripts_bytes:,} "
                    "bytes",
                    over_budget_count=len(plan.over_budget) - 1,
                    max_scripts=limits.max_scripts,
                    max_scripts_bytes=limits.max_scripts_bytes,
                ),
                _start(plan.over_budget[0]),
            )


def _start(script: ShellScript) -> Span:
    line, column = script.source.position(0)
    return Span(line, column, line, column + 1)


def _fix(comment: shellcheck.Comment, source: SourceMap) -> Fix | None:
    """ShellCheck's own fix, placed in the Dockerfile. Offered, never applied by `--fix`: quoting a word
    can change what a script meant to do. None when an edit would span a line continuation, where the
    script's text and the file's differ."""
    if not comment.replacements:
        return None
    edits = []
    for start, end, replacement, attaches_before in comment.replacements:
        if start == end:
            if attaches_before and start > 0:
                line, column = source.position(start - 1)
                column += 1
            else:
                line, column = source.position(start)
            span = Span(line, column, line, column)
        else:
            span = source.span(start, end)
            if span.start_line != span.end_line or span.end_column - span.start_column != end - start:
                return None
        edits.append(Edit(span, replacement))
    return Fix(Message("Apply ShellCheck's fix for {sc_code}", sc_code=comment.sc_code), tuple(edits), safe=False)
