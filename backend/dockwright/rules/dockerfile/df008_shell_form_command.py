from __future__ import annotations

import json
import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction, Stage
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.dockerfile.words import split_words
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Characters that make the shell do something (expansion, quoting, globbing, redirection, control flow);
# a command without any of them means the same in exec form.
_SHELL_SYNTAX = re.compile(r"[$`|&;<>()*?\[\]{}~#'\"\\!=\n]")


@register
class ShellFormCommand(Rule):
    id = "DF008"
    slug = "shell-form-command"
    severity = Severity.WARNING
    title = "CMD or ENTRYPOINT in shell form"
    rationale = (
        'The shell form runs the command as `/bin/sh -c "..."`: the shell is PID 1, so `docker stop`\'s '
        "SIGTERM goes to the shell, not to the application, which is killed after the grace period instead "
        "of shutting down cleanly. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments."
    )
    bad = "FROM python:3.12-slim\nCMD gunicorn app:app\n"
    good = 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n'
    fix_title = "Use the exec (JSON) form"
    equivalents = {"hadolint": "DL3025", "buildkit": "JSONArgsRecommended"}
    notes = (
        "Like BuildKit, a SHELL instruction earlier in the stage's lineage marks the shell form as deliberate "
        "and silences the rule (hadolint does not look at SHELL). The fix rewrites commands without shell "
        "syntax (no variables, quotes, globs, pipes, redirections or `&&`), dropping a leading `exec`; it is "
        "marked unsafe when a CMD and an ENTRYPOINT meet in the stage, since their exec forms combine. "
        "HEALTHCHECK CMD in shell form is not reported (hadolint's DL3025 reports it, BuildKit does not): the "
        "shell form's problem is a process that misses stop signals, and a health check is not stopped that "
        "way; Docker's own examples use it (`CMD curl -f http://localhost/ || exit 1`)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            shell_set = False  # a SHELL earlier in the lineage
            for instruction in lineage_instructions(stage):
                if instruction.stage is stage and _is_shell_form_command(instruction) and not shell_set:
                    yield self.finding(
                        instruction.arguments_span,
                        Message(
                            "{keyword} `{arguments}` runs under `/bin/sh -c`",
                            keyword=instruction.keyword,
                            arguments=instruction.arguments.strip(),
                        ),
                        _exec_form_fix(instruction, stage),
                    )
                shell_set = shell_set or instruction.keyword == "SHELL"


def _is_shell_form_command(instruction: Instruction) -> bool:
    return (
        instruction.keyword in ("CMD", "ENTRYPOINT")
        and not instruction.is_exec_form
        and bool(instruction.arguments.strip())
    )


def _exec_form_fix(instruction: Instruction, stage: Stage) -> Fix | None:
    if _SHELL_SYNTAX.search(instruction.arguments):
        return None
    argv = [word.value for word in split_words(instruction.arguments, instruction.escape)]
    if argv[0] == "exec":
        argv = argv[1:]
    if not argv:
        return None
    other = "ENTRYPOINT" if instruction.keyword == "CMD" else "CMD"
    combines = any(i.keyword == other for i in lineage_instructions(stage))
    replacement = json.dumps(argv)
    return Fix(
        Message("Use the exec form: {keyword} {replacement}", keyword=instruction.keyword, replacement=replacement),
        (Edit(instruction.arguments_span, replacement),),
        safe=not combines,
    )
