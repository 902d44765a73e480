from __future__ import annotations

import posixpath
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction, Stage
from dockwright.dockerfile.queries.commands import commands_of
from dockwright.dockerfile.queries.listening import exec_args
from dockwright.dockerfile.queries.packages import PIP, package_command
from dockwright.dockerfile.queries.paths import copy_paths, is_within, normalize, workdir_at
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Programs that only a Python package puts on the PATH (its console scripts, in <prefix>/bin).
_PYTHON_SCRIPTS = frozenset(
    {
        *("gunicorn", "uvicorn", "hypercorn", "daphne", "granian", "waitress-serve", "celery", "flask"),
        *("django-admin", "alembic", "streamlit", "jupyter", "jupyter-lab", "dramatiq", "rq", "huey_consumer"),
        *("locust", "mlflow", "fastapi", "dagster", "airflow", "prefect"),
    }
)
# Tools other than pip that install Python packages.
_INSTALLERS = frozenset({"poetry", "pipenv", "uv", "pdm", "conda", "mamba", "micromamba", "pipx", "easy_install"})
_VENV_MAKERS = frozenset({"virtualenv", "venv"})


@register
class ProgramMissingInFinalStage(Rule):
    id = "DF111"
    slug = "program-missing-in-final-stage"
    severity = Severity.ERROR
    title = "The command runs a program that no stage of the final image provides"
    rationale = (
        "A multi-stage build ships only what the final stage installs or copies. Copy `site-packages` without "
        "the `bin/` scripts pip writes next to it, install with `pip install --user` into another user's home, "
        "or copy a virtualenv to another path (its scripts point at the old one), and the container fails at "
        'start with `exec: "gunicorn": executable file not found in $PATH`.'
    )
    bad = (
        "FROM python:3.12-slim AS builder\nRUN pip install --user gunicorn==22.0.0\n"
        "FROM python:3.12-slim\n"
        "COPY --from=builder /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n"
        'CMD ["gunicorn", "app:app"]\n'
    )
    good = (
        "FROM python:3.12-slim AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install gunicorn==22.0.0\n"
        "FROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\n"
        'CMD ["gunicorn", "app:app"]\n'
    )
    fix_title = "Install into a virtualenv (or a --prefix) and copy it whole, to the same path, with its bin/ on PATH"
    notes = (
        "Checked for the programs Python packages put on the PATH (gunicorn, uvicorn, celery, flask, alembic, "
        "streamlit...), named without a path by the final ENTRYPOINT or CMD. They are provided when a stage of "
        "the final lineage installs Python packages (pip, poetry, pipenv, uv...), or copies from another stage "
        "a prefix holding bin/ (`/install` to `/usr/local`, `/usr/local`), a virtualenv to the same path, or a "
        "folder whose bin/ is on the PATH. A virtualenv copied to another path is reported on the copy."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        final = document.final_stage
        if final is None or not any(
            name in i.command_text
            for i in lineage_instructions(final)
            if i.keyword in ("CMD", "ENTRYPOINT")
            for name in _PYTHON_SCRIPTS
        ):
            return  # a cheap first look: no console script named at all
        program, at = _started_program(final)
        if program is None or at is None or program not in _PYTHON_SCRIPTS:
            return
        instructions = lineage_instructions(final)
        if any(_installs_python(i) for i in instructions if i.keyword == "RUN"):
            return
        path = _path(instructions)
        copies = [i for i in instructions if i.keyword == "COPY" and i.flag("from") is not None]
        for copy in copies:
            moved = _relocated_venv(document, copy)
            if moved is not None:
                yield self.finding(
                    copy.span,
                    Message(
                        "the virtualenv built at {moved} is copied to {moved2}: its scripts start with "
                        "#!{moved}/bin/python, so `{program}` cannot start",
                        moved=moved[0],
                        moved2=moved[1],
                        program=program,
                    ),
                )
                return
        if any(_provides_bin(document, copy, path) for copy in copies):
            return
        site = next((c for c in copies if any("site-packages" in w.value for w in c.words[:-1])), None)
        if site is not None:
            builder = site.flag("from")
            name = builder.value if builder is not None and builder.value else "another stage"
            user = ""
            if _user_install(document, name):
                user = Message(" (and it installed with `pip install --user`, into /root/.local)")
            yield self.finding(
                site.span,
                Message(
                    "`{program}` is not on the PATH of the final stage: only site-packages is copied from "
                    "`{name}`{user}, not the bin/ scripts pip wrote; the container cannot start",
                    program=program,
                    name=name,
                    user=user,
                ),
            )
            return
        yield self.finding(
            at,
            Message(
                "`{program}` is not on the PATH of the final stage: no stage of it installs Python "
                "packages or copies them in; the container cannot start",
                program=program,
            ),
        )


def _started_program(stage: Stage) -> tuple[str | None, Span | None]:
    """The program the final ENTRYPOINT or CMD starts, when named without a path (after tini and the like)."""
    instructions = lineage_instructions(stage)
    for keyword in ("ENTRYPOINT", "CMD"):
        found = [i for i in instructions if i.keyword == keyword]
        if not found:
            continue
        instruction = found[-1]
        if instruction.json_args is not None:
            args = exec_args(instruction)
            words = [(a.value, a.span) for a in args]
        else:
            commands = commands_of(instruction)
            words = [(w.value, w.span) for _, c in commands[-1:] for w in c.words] if commands else []
        while words and (
            posixpath.basename(words[0][0]) in ("tini", "dumb-init", "exec", "--") or words[0][0].startswith("-")
        ):
            words = words[1:]
        if words and posixpath.basename(words[0][0]).endswith(".sh"):
            return None, None
        if words:
            value, span = words[0]
            return (value, span) if "/" not in value else (None, None)
    return None, None


def _installs_python(instruction: Instruction) -> bool:
    for _, command in commands_of(instruction):
        if command.program in _INSTALLERS:
            return True
        use = package_command(instruction, command, PIP)
        if use is not None and use.action == "install":
            return True
    return False


def _path(instructions: list[Instruction]) -> list[str]:
    """The PATH the final stage sets, as directories (the base image's usual PATH when it sets none)."""
    path = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
    for instruction in instructions:
        if instruction.keyword != "ENV":
            continue
        for pair in instruction.pairs:
            if pair.key == "PATH":
                expansion = instruction.expand(pair.value)
                path = [p for p in expansion.value.split(":") if p.startswith("/")] + path
    return path


def _provides_bin(document: Dockerfile, copy: Instruction, path: list[str]) -> bool:
    """Whether a COPY --from brings a bin/ folder that ends up on the PATH."""
    paths = copy_paths(copy)
    if paths is None:
        return False
    destination = paths.absolute_destination(workdir_at(copy))
    if destination is None:
        return True  # unknown: give it the benefit of the doubt
    for source in paths.sources:
        name = posixpath.normpath(copy.expand(source.value).value)
        if "site-packages" in name:
            continue
        if posixpath.basename(name) == "bin" and destination in path:
            return True
        if any(is_within(directory, destination) for directory in path):
            return True  # a prefix (/install to /usr/local) or a folder holding a PATH directory
        if posixpath.join(destination, "bin") in path:
            return True
    return False


def _relocated_venv(document: Dockerfile, copy: Instruction) -> tuple[str, str] | None:
    """(where a virtualenv was made, where it is copied to) when they differ."""
    flag = copy.flag("from")
    stage = document.stage_named(flag.value) if flag is not None and flag.value else None
    paths = copy_paths(copy)
    if stage is None or paths is None or len(paths.sources) != 1:
        return None
    source = normalize(copy.expand(paths.sources[0].value).value, workdir_at(copy) or "/")
    destination = paths.absolute_destination(workdir_at(copy))
    if destination is None or destination == source:
        return None
    for instruction in lineage_instructions(stage):
        if instruction.keyword != "RUN":
            continue
        cwd = workdir_at(instruction) or "/"
        for _, command in commands_of(instruction):
            target = _venv_target(command.program, [w.value for w in command.args])
            if target is not None and normalize(target, cwd) == source:
                return source, destination
    return None


def _venv_target(program: str, args: list[str]) -> str | None:
    """The folder `python -m venv X`, `virtualenv X` or `uv venv X` creates."""
    words = [a for a in args if not a.startswith("-")]
    if program.startswith("python") and len(args) >= 2 and args[0] == "-m" and args[1] in _VENV_MAKERS:
        rest = [a for a in args[2:] if not a.startswith("-")]
        return rest[0] if rest else None
    if program == "virtualenv" and words:
        return words[0]
    if program == "uv" and words[:1] == ["venv"]:
        return words[1] if len(words) > 1 else ".venv"
    return None


def _user_install(document: Dockerfile, name: str) -> bool:
    stage = document.stage_named(name)
    if stage is None:
        return False
    for instruction in lineage_instructions(stage):
        if instruction.keyword != "RUN":
            continue
        for _, command in commands_of(instruction):
            use = package_command(instruction, command, PIP)
            if use is not None and use.action == "install" and use.has_flag("--user"):
                return True
    return False
