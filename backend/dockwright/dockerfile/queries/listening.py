"""What a container's main process listens on, read from what starts it: the command (ENTRYPOINT and CMD, or a
compose `entrypoint`/`command`), the environment it runs with, and the server configuration files the image holds
(nginx, Caddy), with the defaults of the servers tutorials use (gunicorn and uvicorn bind 127.0.0.1:8000 unless
told otherwise, `flask run` 127.0.0.1:5000, Kestrel what ASPNETCORE_URLS says, Spring Boot 8080 or SERVER_PORT).

Shared by the Dockerfile rules (EXPOSE and HEALTHCHECK against the server, a loopback bind) and the compose rules
(a published port or a proxy's upstream against the service): a :class:`Process` is built from a stage here, and
the compose rules lay a service's `command`, `entrypoint`, `environment` and mounted files over it.

An unknown program, or a setting read from a variable without a value, gives no listener: rules stay quiet about
what they cannot know. Everything here is bounded by the length of the command and of the configuration files.
"""

from __future__ import annotations

import json
import posixpath
import re
import shlex
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urlsplit

from dockwright.dockerfile.model import Instruction, Stage
from dockwright.dockerfile.queries.addresses import split_host_port
from dockwright.dockerfile.queries.build_context import read_file
from dockwright.dockerfile.queries.paths import copy_paths, is_within, normalize, workdir_at
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.dockerfile.shell import POSIX_SHELLS, parse_script
from dockwright.dockerfile.source_map import SourceMap
from dockwright.findings import Span
from dockwright.i18n import Message

if TYPE_CHECKING:
    from dockwright.data.images import ImageFacts
    from dockwright.dockerfile.image import ImageRef

EVERY_INTERFACE = frozenset({"", "0.0.0.0", "::", "[::]", "*", "+"})
_LOOPBACK_NAMES = frozenset({"localhost", "::1", "[::1]", "ip6-localhost", "ip6-loopback", "localhost.localdomain"})
# A command longer than this is not a server start worth reading.
_MAX_ARGS = 256
_MAX_UNWRAP = 8


def is_loopback(host: str | None) -> bool:
    """Whether ``host`` only accepts connections from inside the container."""
    if host is None:
        return False
    return host.lower() in _LOOPBACK_NAMES or host.startswith("127.")


# An empty mapping that cannot be changed: the default environment and files of a process.
_NOTHING: Mapping[str, Any] = MappingProxyType({})


class Arg(NamedTuple):
    """One word of a command or one value of the environment, with where it is written (None when elsewhere or
    unknown, such as a word inside a `sh -c` string)."""

    value: str
    # A span, or (source map, start, end) to compute it from when asked: most words are never reported.
    where: Span | tuple[SourceMap, int, int] | None = None
    # How a message names where it is written: "ENV PORT=3000", "`--port 8000`".
    origin: str = ""
    # The text written at ``span`` (quotes included), when it is known: what a fix edits.
    word: str | None = None
    # Set where the container is run (a compose file's `environment` or `env_file`), not built into the image.
    at_run: bool = False

    @property
    def span(self) -> Span | None:
        where = self.where
        if where is None or isinstance(where, Span):
            return where
        source, start, end = where
        return source.span(start, end)


class ImageFile(NamedTuple):
    """A file the image holds that a server reads, and where it comes from."""

    content: str | None  # None: replaced by something the analysis cannot read (a COPY --from, a directory)
    source: str  # the path in the build context or beside the compose file
    span: Span | None = None  # the COPY source word, or the compose mount


class Process(NamedTuple):
    """What a container runs: ENTRYPOINT then CMD, its environment and the files its server may read."""

    entrypoint: tuple[Arg, ...] = ()
    command: tuple[Arg, ...] = ()
    env: Mapping[str, Arg] = _NOTHING
    files: Mapping[str, ImageFile] = _NOTHING
    # The image at the bottom of the lineage: its facts, or its reference (looked up only when needed: most
    # files name their server in CMD, and the table costs milliseconds to load).
    facts: ImageFacts | None = None
    root: ImageRef | None = None
    # The build context, when the analysis has it (a server's own config file, such as gunicorn.conf.py in
    # the working directory, changes its defaults); None when unknown.
    context: Mapping[str, str] | None = None
    # A shell-form CMD (or ENTRYPOINT): each simple command of its script, run in order (`migrate && exec
    # gunicorn ...`), with the variables assigned before it; ``entry_shell`` when the ENTRYPOINT's.
    scripts: tuple[tuple[tuple[Arg, ...], Mapping[str, Arg]], ...] = ()
    entry_shell: bool = False

    @property
    def argv(self) -> tuple[Arg, ...]:
        return self.entrypoint + self.command

    @property
    def image(self) -> ImageFacts | None:
        if self.facts is not None or self.root is None:
            return self.facts
        from dockwright.data.images import facts_for  # here: the image table loads only when a rule asks

        return facts_for(self.root)


class Listener(NamedTuple):
    """One address the process listens on. ``host`` is None when unknown; ``port`` None when unknown."""

    program: str
    host: str | None
    port: int | None
    host_setting: Arg | None = None  # the word or variable that sets the host; None for a default
    port_setting: Arg | None = None
    # Where the default comes from when no setting gives it ("uvicorn's default").
    default: str = ""
    # False when read from a convention the program may not follow (PORT for any Node.js server).
    certain: bool = True
    # An administration endpoint meant for the container itself (Caddy's admin API), not the service.
    admin: bool = False
    # The word naming the program that listens (the first of its command), when written in the file.
    program_word: Arg | None = None

    @property
    def program_span(self) -> Span | None:
        return self.program_word.span if self.program_word is not None else None

    @property
    def loopback(self) -> bool:
        return is_loopback(self.host)

    def describe_port(self) -> str:
        """How a message says where the port comes from: "uvicorn listens on 8000 (`--port 8000`)"."""
        if self.port_setting is not None:
            return Message(
                "{program} listens on {port} ({setting})",
                program=self.program,
                port=self.port,
                setting=_shown(self.port_setting),
            )
        if self.default:
            return Message(
                "{program} listens on {port} ({setting})", program=self.program, port=self.port, setting=self.default
            )
        return Message("{program} listens on {port} (its default)", program=self.program, port=self.port)

    def describe_host(self) -> str:
        if self.host_setting is not None:
            return Message(
                "{program} listens on {host} ({setting})",
                program=self.program,
                host=self.host,
                setting=_shown(self.host_setting),
            )
        if self.default:
            return Message(
                "{program} listens on {host} ({setting})", program=self.program, host=self.host, setting=self.default
            )
        return Message("{program} listens on {host} (its default)", program=self.program, host=self.host)


def _shown(arg: Arg) -> str:
    return arg.origin or f"`{arg.value}`"


# -- building a process from a Dockerfile stage -----------------------------------------------------------------


def stage_process(stage: Stage, context: Mapping[str, str] | None = None) -> Process:
    """What the image built from ``stage`` runs: its ENTRYPOINT and CMD (as BuildKit combines them: an
    ENTRYPOINT written after the last CMD resets it), its ENV, and the server configuration files its COPY and
    ADD bring from ``context`` (the build context's files, None when the analysis does not have them)."""
    instructions = lineage_instructions(stage)
    entry_at: int | None = None
    cmd_at: int | None = None
    env: dict[str, Arg] = {}
    files: dict[str, ImageFile] = {}
    for index, instruction in enumerate(instructions):
        keyword = instruction.keyword
        if keyword == "ENTRYPOINT":
            entry_at = index
        elif keyword == "CMD":
            cmd_at = index
        elif keyword == "ENV":
            for pair in instruction.raw_pairs:
                expansion = instruction.expand(pair.value)
                if expansion.undefined:
                    env.pop(pair.key, None)
                    continue
                origin = f"ENV {pair.key}={expansion.value}"
                if pair.value_end > pair.value_start:
                    where = (instruction.arguments_map, pair.value_start, pair.value_end)
                    env[pair.key] = Arg(expansion.value, where, origin, pair.value_text)
                else:
                    env[pair.key] = Arg(expansion.value, None, origin)
        elif keyword in ("COPY", "ADD"):
            files.update(_copied_files(instruction, context))
    if entry_at is not None and cmd_at is not None and entry_at > cmd_at:
        cmd_at = None  # an ENTRYPOINT written after the last CMD resets it
    scripts: list[tuple[tuple[Arg, ...], Mapping[str, Arg]]] = []
    entrypoint: tuple[Arg, ...] = ()
    command: tuple[Arg, ...] = ()
    entry_shell = False
    if entry_at is not None:
        entrypoint, shell = _instruction_argv(instructions[entry_at])
        if instructions[entry_at].json_args is None:
            scripts, entry_shell, cmd_at = shell, True, None  # a shell-form ENTRYPOINT ignores CMD
    if cmd_at is not None:
        command, shell = _instruction_argv(instructions[cmd_at])
        scripts = shell
    return Process(entrypoint, command, env, files, None, stage.root_image, context, tuple(scripts), entry_shell)


def _instruction_argv(
    instruction: Instruction,
) -> tuple[tuple[Arg, ...], list[tuple[tuple[Arg, ...], Mapping[str, Arg]]]]:
    """(argv of an exec form, the commands of a shell form)."""
    if instruction.json_args is not None:
        return tuple(exec_args(instruction)), []
    script = instruction.shell
    if script is None:
        return (), []
    commands: list[tuple[tuple[Arg, ...], Mapping[str, Arg]]] = []
    for command in script.all_commands[:_MAX_ARGS]:
        argv = tuple(Arg(w.value, (w.source, w.start, w.end) if w.literal else None, "", w.raw) for w in command.words)
        if not all(word.literal for word in command.words[:1]):
            continue
        env = {name: Arg(value, None, f"{name}={value}") for name, value in command.assignments}
        commands.append((argv, env))
    return (), commands


def exec_args(instruction: Instruction) -> list[Arg]:
    """The elements of an exec-form instruction's JSON array, each with the span of its text between quotes."""
    argv = instruction.json_args or []
    text = instruction.arguments
    position = text.find("[")
    args = []
    for value in argv[:_MAX_ARGS]:
        start = text.find('"', position)
        if start < 0:
            break
        try:
            _, end = json.decoder.scanstring(text, start + 1)  # type: ignore[attr-defined]
        except ValueError:
            break
        written = text[start + 1 : end - 1]
        where = (instruction.arguments_map, start + 1, end - 1)
        args.append(Arg(value, where, "", written if written == value else None))
        position = end
    return args


def _copied_files(instruction: Instruction, context: Mapping[str, str] | None) -> Iterator[tuple[str, ImageFile]]:
    """The server configuration files a COPY or ADD puts in the image, by absolute path."""
    if "etc/" not in instruction.arguments and "$" not in instruction.arguments:
        return  # a configuration lands under /etc (a relative path would need WORKDIR /etc/...)
    paths = copy_paths(instruction)
    if paths is None or paths.destination is None:
        return
    written = instruction.expand(paths.destination.value)
    if written.undefined or (written.value.startswith("/") and not _config_path(normalize(written.value, "/"))):
        return  # most copies go elsewhere: the working directory is only looked up for relative ones
    destination = paths.absolute_destination(workdir_at(instruction))
    if destination is None or not _config_path(destination):
        return
    into_directory = paths.destination.value.endswith("/") or len(paths.sources) > 1
    if instruction.heredocs:
        yield destination, ImageFile(instruction.heredocs[0].script, "heredoc", paths.destination.span)
        return
    for word in paths.sources:
        source = instruction.expand(word.value)
        if source.undefined or "://" in source.value or any(c in source.value for c in "*?["):
            yield destination, ImageFile(None, word.value, word.span)
            continue
        name = posixpath.normpath(source.value.lstrip("/"))
        target = posixpath.join(destination, posixpath.basename(name)) if into_directory else destination
        content = None
        if instruction.flag("from") is None and context is not None:
            content = read_file(context, name)
        yield target, ImageFile(content, name, word.span)


_CONFIG_DIRECTORIES = ("/etc/nginx", "/etc/caddy")


def _config_path(path: str) -> bool:
    return any(is_within(path, d) or is_within(d, path) for d in _CONFIG_DIRECTORIES)


# -- reading the listeners ------------------------------------------------------------------------------------------

# The last few stages read, with what they were read with: the Dockerfile rules of one analysis ask the same.
_READ: list[tuple[Stage, Mapping[str, str] | None, Process, list[Listener]]] = []


def stage_listeners(stage: Stage, context: Mapping[str, str] | None = None) -> tuple[Process, list[Listener]]:
    """:func:`stage_process` and :func:`listeners` of a stage, read once for the rules of an analysis."""
    for read in _READ:
        if read[0] is stage and read[1] is context:
            return read[2], read[3]
    process = stage_process(stage, context)
    found = listeners(process)
    _READ.insert(0, (stage, context, process, found))
    del _READ[4:]
    return process, found


def listeners(process: Process) -> list[Listener]:
    """The addresses ``process`` listens on, as far as its command, environment and files tell."""
    if process.scripts:
        # Each command of a shell form, after the exec-form ENTRYPOINT that runs it (an init or a script that
        # ends in `exec "$@"`, taken off below).
        head = () if process.entry_shell else process.entrypoint
        found: list[Listener] = []
        for words, assignments in process.scripts:
            found.extend(_from_argv([*head, *words], {**process.env, **assignments}, process))
        return found
    if not process.argv:
        return _image_default(process)
    return _from_argv(list(process.argv), dict(process.env), process)


def _from_argv(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    unwrapped, env = _unwrapped(argv[:_MAX_ARGS], env)
    if not unwrapped:
        return []
    argv = unwrapped
    if argv[0].value.startswith("-"):
        return _server_flags(argv, env, process)
    program = posixpath.basename(argv[0].value)
    reader = _READERS.get(program)
    if reader is None and program.endswith(".dll"):
        reader = _kestrel
    if reader is None and program.startswith(("python", "php-fpm")):
        reader = _READERS.get("python" if program.startswith("python") else "php-fpm")
    if reader is not None:
        found = reader(argv, env, process)
    elif program in _IMAGE_SERVERS and process.image is not None and program == process.image.image:
        found = _image_default(process._replace(env=env))
    else:
        found = _generic(argv, env)
    word = argv[0]
    return [lis._replace(program_word=word) for lis in found] if word.where is not None else found


def _unwrapped(argv: list[Arg], env: dict[str, Arg]) -> tuple[list[Arg] | None, dict[str, Arg]]:
    """The command with the wrappers that start it taken off: init processes (tini, dumb-init), user switches
    (gosu, su-exec), `exec`, `env VAR=value`, an entrypoint script that ends in `exec "$@"`, runners (`poetry
    run`, `npx`, `bundle exec`), `python -m`, and `sh -c "<script>"` (its last command)."""
    env = dict(env)
    for _ in range(_MAX_UNWRAP):
        if not argv:
            return argv, env
        program = posixpath.basename(argv[0].value)
        if program in ("tini", "tini-static", "dumb-init", "catatonit"):
            rest = argv[1:]
            if any(a.value == "--" for a in rest):
                rest = rest[[a.value for a in rest].index("--") + 1 :]
            else:
                while rest and rest[0].value.startswith("-"):
                    rest = rest[1:]
            argv = rest
        elif program in ("gosu", "su-exec", "chpst"):
            argv = argv[2:]
        elif program in ("exec", "nohup", "setsid"):
            argv = argv[1:]
        elif program == "env":
            rest = argv[1:]
            while rest and ("=" in rest[0].value or rest[0].value.startswith("-")):
                name, _, value = rest[0].value.partition("=")
                if value or "=" in rest[0].value:
                    env[name] = Arg(value, rest[0].where, f"`{rest[0].value}`")
                rest = rest[1:]
            argv = rest
        elif program.endswith(".sh") and "entrypoint" in program and len(argv) > 1:
            argv = argv[1:]  # docker-entrypoint.sh and its kind end in `exec "$@"`
        elif program.endswith(".sh"):
            return None, env  # a script of the project's: what it starts, and with which words, is unknown
        elif program in POSIX_SHELLS and len(argv) > 2 and argv[1].value in ("-c", "-ec", "-ex", "-xc", "-lc"):
            commands = parse_script(argv[2].value, SourceMap()).all_commands
            if not commands:
                return None, env
            last = commands[-1]
            env.update({name: Arg(value, None, f"{name}={value}") for name, value in last.assignments})
            argv = [Arg(w.value, None, f"`{w.value}`") for w in last.words if w.literal]
        elif program in _RUNNERS and len(argv) > _RUNNERS[program]:
            skip = _RUNNERS[program]
            if argv[1].value in ("run", "exec") or program in ("npx", "uvx", "pipx"):
                argv = argv[skip:]
            else:
                return argv, env
        elif program.startswith("python") and len(argv) > 2 and argv[1].value == "-m":
            argv = argv[2:]
        elif program.startswith("python") and len(argv) > 1 and re.fullmatch(r"-m\S+", argv[1].value):
            argv = [Arg(argv[1].value[2:], argv[1].where), *argv[2:]]
        elif program in ("opentelemetry-instrument", "ddtrace-run"):
            argv = argv[1:]
        else:
            return argv, env
    return argv, env


# program -> words to skip (the runner and its `run`/`exec`)
_RUNNERS = {"poetry": 2, "pipenv": 2, "uv": 2, "pdm": 2, "hatch": 2, "bundle": 2, "npx": 1, "uvx": 1, "pipx": 2}


# -- options --------------------------------------------------------------------------------------------------------


class _Option(NamedTuple):
    value: str
    arg: Arg  # the word holding the value (for `--port=8000`, that word)
    flag: str = ""


def _options(args: list[Arg], *names: str) -> list[_Option]:
    """Every value given to one of ``names``: `--name value`, `--name=value`, or `-xVALUE` for a short name."""
    found = []
    index = 0
    while index < len(args):
        word = args[index].value
        matched = False
        for name in names:
            if word == name and index + 1 < len(args):
                found.append(_Option(args[index + 1].value, args[index + 1], name))
                index += 1
                matched = True
                break
            if name.startswith("--") and word.startswith(name + "="):
                found.append(_Option(word[len(name) + 1 :], args[index], name))
                matched = True
                break
            if len(name) == 2 and name[0] == "-" and word.startswith(name) and len(word) > 2 and word[2] != "-":
                found.append(_Option(word[2:].removeprefix("="), args[index], name))
                matched = True
                break
        index += 1
        if matched:
            continue
    return found


def _option(args: list[Arg], *names: str) -> _Option | None:
    found = _options(args, *names)
    return found[-1] if found else None


def _has(args: list[Arg], *names: str) -> bool:
    return any(a.value in names or any(a.value.startswith(n + "=") for n in names if n.startswith("--")) for a in args)


def _port(text: str) -> int | None:
    text = text.strip()
    if not text.isdigit() or len(text) > 5:
        return None
    number = int(text)
    return number if 0 < number < 65536 else None


def _setting(option: _Option | None) -> Arg | None:
    """The value of an option, with the span of the word holding it and how a message shows it."""
    if option is None:
        return None
    arg = option.arg
    shown = f"`{option.flag} {option.value}`" if arg.value == option.value and option.flag else f"`{arg.value}`"
    return Arg(option.value, arg.where, shown, arg.word)


def _env_setting(env: Mapping[str, Arg], name: str) -> Arg | None:
    arg = env.get(name)
    if arg is None:
        return None
    return arg._replace(origin=arg.origin or f"{name}={arg.value}")


def _address(
    program: str, text: str, setting: Arg | None, default_port: int | None = None, certain: bool = True
) -> Listener | None:
    """A listener from `host:port`, `:port`, `port` or a URL (`tcp://0.0.0.0:8000`, `http://+:80`)."""
    value = text.strip()
    if "://" in value:
        scheme, _, rest = value.partition("://")
        if scheme in ("unix", "fd"):
            return None
        value = rest.split("/", 1)[0]
        if default_port is None:
            default_port = 443 if scheme == "https" else 80 if scheme == "http" else None
    if value.startswith(("unix:", "fd:", "/")) or "$" in value:
        return None
    if value.isdigit():
        port = _port(value)
        return Listener(program, None, port, None, setting, certain=certain) if port else None
    parsed = split_host_port(value)
    if parsed is None:
        return None
    host, port = parsed
    return Listener(program, host, port or default_port, setting, setting, certain=certain)


# -- the programs -------------------------------------------------------------------------------------------------

Reader = Callable[[list[Arg], dict[str, Arg], Process], list[Listener]]


def _gunicorn(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    binds = _options(args, "-b", "--bind")
    if not binds and "GUNICORN_CMD_ARGS" in env:
        setting = _env_setting(env, "GUNICORN_CMD_ARGS")
        words = _split(env["GUNICORN_CMD_ARGS"].value)
        binds = [_Option(o.value, setting or o.arg, o.flag) for o in _options(words, "-b", "--bind")]
    if binds:
        found = [_address("gunicorn", b.value, _setting(b)) for b in binds]
        return [lis for lis in found if lis is not None]
    if _has(args, "-c", "--config") or process.context is None or "gunicorn.conf.py" in process.context:
        return []  # a configuration file may set the bind
    if "PORT" in env:
        port = _port(env["PORT"].value)
        setting = _env_setting(env, "PORT")
        return [Listener("gunicorn", "0.0.0.0", port, None, setting, "gunicorn binds 0.0.0.0 when PORT is set")]
    return [Listener("gunicorn", "127.0.0.1", 8000, None, None, "gunicorn's default bind, 127.0.0.1:8000")]


def _uvicorn(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    if _has(args, "--uds", "--fd"):
        return []
    host = _setting(_option(args, "--host")) or _env_setting(env, "UVICORN_HOST")
    port = _setting(_option(args, "--port")) or _env_setting(env, "UVICORN_PORT")
    return [_listener("uvicorn", host, port, "127.0.0.1", 8000, "uvicorn's default, 127.0.0.1:8000")]


def _listener(
    program: str, host: Arg | None, port: Arg | None, default_host: str | None, default_port: int | None, default: str
) -> Listener:
    return Listener(
        program,
        host.value if host is not None else default_host,
        _port(port.value) if port is not None else default_port,
        host,
        port,
        default,
    )


def _hypercorn(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    binds = _options(args, "-b", "--bind")
    if binds:
        return [lis for lis in (_address("hypercorn", b.value, _setting(b)) for b in binds) if lis is not None]
    if _has(args, "-c", "--config"):
        return []
    return [Listener("hypercorn", "127.0.0.1", 8000, None, None, "hypercorn's default bind, 127.0.0.1:8000")]


def _daphne(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    if _has(args, "-u", "--unix-socket", "-e", "--endpoint", "--fd"):
        return []
    host = _setting(_option(args, "-b", "--bind"))
    port = _setting(_option(args, "-p", "--port"))
    return [_listener("daphne", host, port, "127.0.0.1", 8000, "daphne's default, 127.0.0.1:8000")]


def _flask(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    if "run" not in [a.value for a in args if not a.value.startswith("-")][:1]:
        return []
    host = _setting(_option(args, "-h", "--host")) or _env_setting(env, "FLASK_RUN_HOST")
    port = _setting(_option(args, "-p", "--port")) or _env_setting(env, "FLASK_RUN_PORT")
    return [_listener("flask run", host, port, "127.0.0.1", 5000, "flask run's default, 127.0.0.1:5000")]


def _python(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    """`python manage.py runserver [addr:port]` and `python -m http.server` (after `-m` is taken off)."""
    args = argv[1:]
    if args and posixpath.basename(args[0].value) == "manage.py":
        return _runserver([args[0], *args[1:]], env, process)
    return _generic(argv, env)


def _runserver(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    operands = [a for a in argv[1:] if not a.value.startswith("-")]
    if not operands or operands[0].value != "runserver":
        return []
    if len(operands) > 1:
        given = operands[1]
        found = _address(
            "runserver", given.value, Arg(given.value, given.where, f"`runserver {given.value}`", given.word)
        )
        if found is not None and found.host is None:
            found = found._replace(host="127.0.0.1", host_setting=None, default="runserver's default host, 127.0.0.1")
        return [found] if found is not None else []
    return [Listener("runserver", "127.0.0.1", 8000, None, None, "runserver's default, 127.0.0.1:8000")]


def _http_server(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    host = _setting(_option(args, "-b", "--bind"))
    ports = [a for a in args if _port(a.value) is not None and not a.value.startswith("-")]
    port = Arg(ports[0].value, ports[0].where, f"`{ports[0].value}`", ports[0].word) if ports else None
    return [_listener("http.server", host, port, "", 8000, "http.server's default, every interface on 8000")]


def _rails(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    operands = [a.value for a in args if not a.value.startswith("-")]
    if not operands or operands[0] not in ("server", "s"):
        return []
    host = _setting(_option(args, "-b", "--binding"))
    port = _setting(_option(args, "-p", "--port")) or _env_setting(env, "PORT")
    return [_listener("rails server", host, port, None, 3000, "rails server's default port, 3000")]


def _next(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    operands = [a.value for a in args if not a.value.startswith("-")]
    if not operands or operands[0] not in ("start", "dev"):
        return []
    host = _setting(_option(args, "-H", "--hostname"))
    port = _setting(_option(args, "-p", "--port")) or _env_setting(env, "PORT")
    return [_listener("next", host, port, "0.0.0.0", 3000, "next's default, every interface on 3000")]


def _node(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    """Node.js servers usually read PORT, and Next.js's standalone server.js reads HOSTNAME too: a convention,
    not a certainty."""
    explicit = _generic(argv, env)
    if explicit:
        return explicit
    host = _env_setting(env, "HOSTNAME") or _env_setting(env, "HOST")
    port = _env_setting(env, "PORT")
    if host is None and port is None:
        return []
    return [
        Listener(
            posixpath.basename(argv[0].value),
            host.value if host is not None else None,
            _port(port.value) if port is not None else None,
            host,
            port,
            # PORT set where the container is run says the application reads it (why else set it there?); an
            # image's own ENV PORT may be a leftover, so there it stays a convention.
            certain=port is not None and port.at_run,
        )
    ]


def _kestrel(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    """ASP.NET Core's Kestrel: `--urls`, then ASPNETCORE_URLS (which wins over ASPNETCORE_HTTP_PORTS)."""
    args = argv[1:] if argv[0].value == "dotnet" else argv
    if not args or not args[0].value.endswith(".dll"):
        return []
    urls = _setting(_option(args, "--urls")) or _env_setting(env, "ASPNETCORE_URLS") or _env_setting(env, "DOTNET_URLS")
    if urls is not None:
        found = [_address("Kestrel", url.strip(), urls) for url in urls.value.split(";") if url.strip()]
        return [lis for lis in found if lis is not None]
    ports = _env_setting(env, "ASPNETCORE_HTTP_PORTS")
    if ports is not None:
        return [
            Listener("Kestrel", "", port, ports, ports)
            for port in (_port(p) for p in re.split(r"[;,]", ports.value))
            if port is not None
        ]
    return []


def _java(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    """Spring Boot: `-Dserver.port`, `--server.port`, SERVER_PORT; 8080 when the command shows Spring Boot."""
    args = argv[1:]
    port: Arg | None = None
    host: Arg | None = None
    for arg in args:
        for prefix in ("-Dserver.port=", "--server.port="):
            if arg.value.startswith(prefix):
                port = Arg(arg.value[len(prefix) :], arg.where, f"`{arg.value}`", arg.word)
        for prefix in ("-Dserver.address=", "--server.address="):
            if arg.value.startswith(prefix):
                host = Arg(arg.value[len(prefix) :], arg.where, f"`{arg.value}`", arg.word)
    port = port or _env_setting(env, "SERVER_PORT")
    host = host or _env_setting(env, "SERVER_ADDRESS")
    spring = any("springframework" in a.value or a.value.endswith(("JarLauncher", "PropertiesLauncher")) for a in args)
    if port is None and host is None and not spring:
        return []
    return [_listener("Spring Boot", host, port, "", 8080, "Spring Boot's default port, 8080")]


def _php_fpm(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    return [Listener("php-fpm", "", 9000, None, None, "the php image's pool configuration, `listen = 9000`")]


def _php(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    option = _option(argv[1:], "-S")
    if option is None:
        return []
    found = _address("php -S", option.value, _setting(option))
    return [found] if found is not None else []


def _jupyter(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    operands = [a.value for a in args if not a.value.startswith("-")]
    if not operands or operands[0] not in ("lab", "notebook", "server"):
        return []
    host = _setting(_option(args, "--ip", "--ServerApp.ip", "--NotebookApp.ip"))
    port = _setting(_option(args, "--port", "--ServerApp.port", "--NotebookApp.port"))
    return [_listener("jupyter", host, port, "localhost", 8888, "jupyter's default, localhost:8888")]


def _streamlit(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    host = _setting(_option(args, "--server.address")) or _env_setting(env, "STREAMLIT_SERVER_ADDRESS")
    port = _setting(_option(args, "--server.port")) or _env_setting(env, "STREAMLIT_SERVER_PORT")
    return [_listener("streamlit", host, port, "", 8501, "streamlit's default port, 8501")]


def _vite(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    operands = [a.value for a in args if not a.value.startswith("-")]
    preview = bool(operands) and operands[0] == "preview"
    if operands and operands[0] not in ("dev", "serve", "preview"):
        return []
    host = _setting(_option(args, "--host"))
    if host is None and any(a.value == "--host" for a in args):
        host = next(Arg("0.0.0.0", a.where, "`--host`") for a in args if a.value == "--host")
    port = _setting(_option(args, "--port"))
    default_port = 4173 if preview else 5173
    return [_listener("vite", host, port, "localhost", default_port, f"vite's default, localhost:{default_port}")]


def _serve(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    option = _option(argv[1:], "-l", "--listen")
    if option is None:
        return [Listener("serve", "", 3000, None, None, "serve's default port, 3000")]
    found = _address("serve", option.value, _setting(option))
    return [found] if found is not None else []


def _server_flags(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    """A command of flags only (`command: --api.insecure=true`): arguments to the image's own server, which
    its entrypoint starts. Only a port flag is read; without one the image's ports stand."""
    image = process.image
    if image is None:
        return []
    if image.image == "traefik":
        return _traefik_listeners(argv, env)
    port = _setting(_option(argv, "--port", "-p"))
    if port is not None:
        number = _port(port.value)
        return [Listener(image.image, "", number, None, port)] if number is not None else []
    return _image_default(process._replace(env=env))


def _nginx(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    if _has(argv[1:], "-c"):
        return []
    return _nginx_config(process)


def _caddy(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    args = argv[1:]
    operands = [a.value for a in args if not a.value.startswith("-")]
    if operands[:1] == ["file-server"]:
        option = _option(args, "--listen")
        if option is None:
            return [Listener("caddy", "", 80, None, None, "caddy file-server's default, :80")]
        found = _address("caddy", option.value, _setting(option))
        return [found] if found is not None else []
    if operands[:1] == ["run"]:
        config = _option(args, "--config")
        return _caddy_config(process, config.value if config is not None else "/etc/caddy/Caddyfile")
    return []


def _traefik(argv: list[Arg], env: dict[str, Arg], process: Process) -> list[Listener]:
    return _traefik_listeners(argv[1:], env)


_READERS: dict[str, Reader] = {
    "gunicorn": _gunicorn,
    "uvicorn": _uvicorn,
    "hypercorn": _hypercorn,
    "daphne": _daphne,
    "flask": _flask,
    "python": _python,
    "manage.py": _runserver,
    "django-admin": _runserver,
    "http.server": _http_server,
    "rails": _rails,
    "next": _next,
    "node": _node,
    "npm": _node,
    "yarn": _node,
    "pnpm": _node,
    "pm2-runtime": _node,
    "dotnet": _kestrel,
    "java": _java,
    "php-fpm": _php_fpm,
    "php": _php,
    "jupyter": _jupyter,
    "jupyter-lab": _jupyter,
    "streamlit": _streamlit,
    "vite": _vite,
    "serve": _serve,
    "nginx": _nginx,
    "caddy": _caddy,
    "traefik": _traefik,
}

# Programs named after the image that runs them (`redis-server` is not one: its image is `redis`).
_IMAGE_SERVERS = frozenset({"grafana", "prometheus", "kibana", "elasticsearch", "httpd", "rabbitmq-server"})
# Flags and variables that name a listening address for programs this module does not know (`-addr :8080`,
# `--listen localhost:9000`, ADDR=:8080): the conventions of Go and Rust services.
_ADDRESS_FLAGS = tuple(
    f"{dashes}{name}"
    for name in ("listen", "addr", "address", "bind", "http", "http-addr", "listen-addr", "listen-address", "bind-addr")
    for dashes in ("--", "-")
)
_ADDRESS_VARIABLES = ("ADDR", "LISTEN_ADDR", "LISTEN_ADDRESS", "BIND_ADDR", "BIND_ADDRESS", "HTTP_ADDR", "SERVER_ADDR")


def _generic(argv: list[Arg], env: dict[str, Arg]) -> list[Listener]:
    program = posixpath.basename(argv[0].value)
    args = argv[1:]
    given = {a.value.split("=", 1)[0] for a in args if a.value.startswith("-")}
    if given:
        for flag in _ADDRESS_FLAGS:
            if flag not in given:
                continue
            option = _option(args, flag) if flag.startswith("--") else _exact_option(args, flag)
            if option is not None:
                found = _address(program, option.value, _setting(option))
                if found is not None:
                    return [found]
        if "--port" in given or "--host" in given:
            port = _setting(_option(args, "--port"))
            host = _setting(_option(args, "--host"))
            return [_listener(program, host, port, None, None, "")]
    if env:
        for name in _ADDRESS_VARIABLES:
            setting = _env_setting(env, name)
            if setting is not None:
                found = _address(program, setting.value, setting, certain=False)
                if found is not None:
                    return [found]
    return []


def _exact_option(args: list[Arg], flag: str) -> _Option | None:
    """A single-dash long flag (`-addr value`, `-addr=value`), as Go's flag package reads it."""
    for index, arg in enumerate(args):
        if arg.value == flag and index + 1 < len(args):
            return _Option(args[index + 1].value, args[index + 1], flag)
        if arg.value.startswith(flag + "="):
            return _Option(arg.value[len(flag) + 1 :], arg, flag)
    return None


def _split(text: str) -> list[Arg]:
    try:
        return [Arg(word) for word in shlex.split(text)]
    except ValueError:
        return []


# -- servers configured by files ------------------------------------------------------------------------------------

_NGINX_DEFAULT_SITE = "/etc/nginx/conf.d/default.conf"
_NGINX_MAIN = "/etc/nginx/nginx.conf"


def _image_default(process: Process) -> list[Listener]:
    """What the base image's own process listens on, when the file leaves its command alone."""
    image = process.image
    if image is None:
        return []
    if image.image == "nginx":
        return _nginx_config(process)
    if image.image == "caddy":
        return _caddy_config(process, "/etc/caddy/Caddyfile")
    if image.image == "traefik":
        return _traefik_listeners([], process.env)
    found = []
    for port in image.ports:
        if port.protocol != "tcp":
            continue
        number: int | None = port.number
        setting = None
        if port.variable and port.variable in process.env:
            setting = _env_setting(process.env, port.variable)
            number = _port(setting.value) if setting is not None else None
        if number is not None:
            found.append(Listener(image.image, "", number, None, setting, f"the {image.image} image's {port.purpose}"))
    return found


def _nginx_config(process: Process) -> list[Listener]:
    files = process.files
    if any(f.content is None for path, f in files.items() if is_within(path, "/etc/nginx")):
        return []  # a configuration the analysis cannot read
    if any(path.startswith("/etc/nginx/templates") for path in files):
        return []  # templates are filled in from the environment at start
    main = files.get(_NGINX_MAIN)
    sites = {path: f for path, f in files.items() if posixpath.dirname(path) == "/etc/nginx/conf.d"}
    sites = {path: f for path, f in sites.items() if path.endswith(".conf")}
    texts: list[ImageFile] = []
    if main is not None:
        texts.append(main)
        if "include" not in (main.content or "") or "conf.d" not in (main.content or ""):
            sites = {}
            default_site = False
        else:
            default_site = _NGINX_DEFAULT_SITE not in sites
    else:
        default_site = _NGINX_DEFAULT_SITE not in sites
    texts.extend(sites.values())
    from dockwright.dockerfile.queries.server_configs import nginx_directives, nginx_listens

    found = []
    for file in texts:
        for address in nginx_listens(nginx_directives(file.content or "")):
            setting = Arg(address.text, None, f"{file.source} line {address.line}: `listen {address.text}`")
            found.append(Listener("nginx", address.host, address.port, setting, setting))
    if default_site:
        found.append(Listener("nginx", "", 80, None, None, "the nginx image's default.conf, `listen 80`"))
    return found


def _caddy_config(process: Process, path: str) -> list[Listener]:
    file = process.files.get(path)
    if file is None:
        if any(is_within(p, "/etc/caddy") for p in process.files):
            return []
        return [Listener("caddy", "", 80, None, None, "the caddy image's default Caddyfile, `:80`")]
    if file.content is None:
        return []
    from dockwright.dockerfile.queries.server_configs import read_caddyfile

    config = read_caddyfile(file.content)
    found = []
    for site in config.sites:
        setting = Arg(site.text, None, f"{file.source} line {site.line}: `{site.text}`")
        # A site's host names the requests it answers, not an interface: Caddy listens on all of them.
        found.append(Listener("caddy", "", site.port, None, setting))
        if site.port == 443:  # automatic HTTPS also listens on 80 to redirect
            found.append(Listener("caddy", "", 80, setting, setting))
    if config.admin is not None:
        setting = Arg(config.admin.text, None, f"{file.source} line {config.admin.line}: `admin {config.admin.text}`")
        found.append(Listener("caddy admin", config.admin.host, config.admin.port, setting, setting, admin=True))
    return found


def _traefik_listeners(args: list[Arg], env: Mapping[str, Arg]) -> list[Listener]:
    found = []
    entry_points = False
    for arg in args:
        match = re.match(r"^--entry[pP]oints\.[\w-]+\.address=(.*)$", arg.value)
        if match:
            entry_points = True
            address = _address("traefik", match.group(1).split("/", 1)[0], Arg(arg.value, arg.where, f"`{arg.value}`"))
            if address is not None:
                found.append(address._replace(host=address.host or ""))
    for name, value in env.items():
        if re.match(r"^TRAEFIK_ENTRYPOINTS_\w+_ADDRESS$", name):
            entry_points = True
            address = _address("traefik", value.value.split("/", 1)[0], _env_setting(env, name))
            if address is not None:
                found.append(address._replace(host=address.host or ""))
    if not entry_points:
        found.append(Listener("traefik", "", 80, None, None, "traefik's default entry point, :80"))
    insecure = any(a.value in ("--api.insecure", "--api.insecure=true") for a in args) or (
        env.get("TRAEFIK_API_INSECURE", Arg("")).value.lower() == "true"
    )
    if insecure:
        found.append(Listener("traefik", "", 8080, None, None, "the dashboard of `--api.insecure`, :8080"))
    return found


# -- URLs in commands ---------------------------------------------------------------------------------------------

_URL = re.compile(r"\bhttps?://[^\s'\"`)<>]+")


class UrlUse(NamedTuple):
    url: str
    host: str
    port: int
    arg: Arg


def local_urls(args: list[Arg]) -> list[UrlUse]:
    """The http(s) URLs of a command that point into the container itself (localhost, 127.0.0.1, 0.0.0.0), with
    the port they ask (the scheme's when none is written)."""
    found = []
    for arg in args[:_MAX_ARGS]:
        if "://" not in arg.value:
            continue
        for match in _URL.finditer(arg.value[:4096]):
            try:
                parts = urlsplit(match.group(0))
                port = parts.port
            except ValueError:
                continue
            host = parts.hostname or ""
            if "$" in match.group(0) or not (is_loopback(host) or host == "0.0.0.0"):
                continue
            found.append(UrlUse(match.group(0), host, port or (443 if parts.scheme == "https" else 80), arg))
    return found


def command_args(instruction: Instruction) -> list[Arg]:
    """The words a RUN, CMD, ENTRYPOINT or HEALTHCHECK runs, with their spans (exec or shell form)."""
    if instruction.keyword == "HEALTHCHECK":
        script = instruction.shell
        if script is not None:
            return [Arg(w.value, (w.source, w.start, w.end), "", w.raw) for c in script.all_commands for w in c.words]
        return _healthcheck_exec_args(instruction)
    if instruction.json_args is not None:
        return exec_args(instruction)
    script = instruction.shell
    if script is None:
        return []
    return [Arg(w.value, (w.source, w.start, w.end), "", w.raw) for c in script.all_commands for w in c.words]


def _healthcheck_exec_args(instruction: Instruction) -> list[Arg]:
    text = instruction.arguments
    start = text.find("[")
    if start < 0:
        return []
    try:
        argv = json.loads(text[start:])
    except ValueError:
        return []
    if not isinstance(argv, list) or not all(isinstance(a, str) for a in argv):
        return []
    args = []
    position = start
    for value in argv[:_MAX_ARGS]:
        quote = text.find('"', position)
        if quote < 0:
            break
        try:
            _, end = json.decoder.scanstring(text, quote + 1)  # type: ignore[attr-defined]
        except ValueError:
            break
        args.append(Arg(value, (instruction.arguments_map, quote + 1, end - 1)))
        position = end
    return args
