"""The ShellCheck requests of a Dockerfile: every shell-form RUN script and every heredoc body run by a shell,
each with the dialect it runs in and the ARG/ENV names the build defines before it.

Shared by the ShellCheck rule and by the CLI's batch mode, which checks the scripts of many files at once.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from dockwright import shellcheck
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.shell import ShellScript, active_shell


def run_instructions(document: Dockerfile) -> list[tuple[Instruction, ShellScript]]:
    """Shell-form RUN instructions (ONBUILD triggers included) with their parsed scripts (shared: do not
    modify the list)."""
    return document.run_scripts


def shellcheck_jobs(document: Dockerfile) -> list[tuple[ShellScript, shellcheck.ScriptRequest]]:
    return [
        (script, request)
        for instruction, script in run_instructions(document)
        for script, request in _requests(instruction, script)
    ]


def _requests(instruction: Instruction, script: ShellScript) -> Iterator[tuple[ShellScript, shellcheck.ScriptRequest]]:
    names = tuple(instruction.scope)
    outer = _dialect(active_shell(instruction)[0])
    if outer is None:
        return
    markers_only = bool(instruction.heredocs) and all(w.text.startswith("<<") for w in instruction.words)
    first_dialect = _shebang_dialect(script.text) or outer
    if script.text.strip() and first_dialect is not None:
        yield script, shellcheck.ScriptRequest(script.text, first_dialect if markers_only else outer, names)
    # Bodies fed to a shell (`RUN bash <<EOF`) are checked in the dialect of that shell.
    feeder = next((_dialect(c.program) for c in script.commands if _dialect(c.program)), outer)
    for child in script.children:
        dialect = _shebang_dialect(child.text) or (outer if markers_only else feeder)
        if child.text.strip() and dialect is not None:
            yield child, shellcheck.ScriptRequest(child.text, dialect, names)


def _dialect(program: str) -> str | None:
    return shellcheck.DIALECTS.get(posixpath.basename(program).removesuffix(".exe"))


def _shebang_dialect(text: str) -> str | None:
    if not text.startswith("#!"):
        return None
    words = text[2 : text.find("\n") if "\n" in text else len(text)].split()
    if words and posixpath.basename(words[0]) == "env" and len(words) > 1:
        words = words[1:]
    return _dialect(words[0]) if words else None
