"""What a service's container runs and listens on, as Compose starts it: the process of the image (the Dockerfile
it builds, when the analysis has it, or what the image table knows of a pulled image) with the service's
`entrypoint`, `command`, `environment`, `env_file` and mounted files laid over it.

Read once per service and analysis; rules about ports, binds, proxies and connection URLs share it. Nodes of the
linted file are remembered, so that a rule can tell a setting written in the compose file from one written in
the Dockerfile (which the Dockerfile rules report).
"""

from __future__ import annotations

import functools
import posixpath
import shlex
from collections.abc import Mapping as TextMapping
from dataclasses import dataclass, field
from functools import cached_property

from dockwright.compose.bundle import Subfolder, lookup
from dockwright.compose.dotenv import DotenvEntry, dotenv_entries
from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence
from dockwright.context import LintContext
from dockwright.data.images import ImageFacts, facts_for
from dockwright.dockerfile.model import Dockerfile, Stage
from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.dockerfile.queries.listening import Arg, ImageFile, Listener, Process, listeners, stage_process
from dockwright.dockerfile.queries.ports import exposed_ports
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.findings import Span
from dockwright.i18n import Message, and_list
from dockwright.rules.compose._dockerfiles import built_dockerfile

_MAX_WORDS = 256


@dataclass
class ServiceServer:
    """A service's process, what it listens on, and the ports its image declares."""

    service: Service
    process: Process | None  # None: neither a readable Dockerfile nor a known image nor a command
    stage: Stage | None  # the stage the service builds, when the Dockerfile was read
    dockerfile: str | None  # its path, for messages
    facts: ImageFacts | None  # of the image pulled, or of the one the Dockerfile builds on
    # Spans of the settings written in the compose file (command words, environment values, mounts).
    compose_spans: set[Span] = field(default_factory=set)
    # The image's own process, before the compose settings are laid over it.
    image_process: Process | None = None

    @cached_property
    def listening(self) -> list[Listener]:
        """What the process listens on, read when a rule first asks (most ask about the image, not the ports)."""
        return listeners(self.process) if self.process is not None else []

    @cached_property
    def image_listening(self) -> list[Listener]:
        """What the image's own process listens on, without the service's settings (what its Dockerfile
        rules judge)."""
        return listeners(self.image_process) if self.image_process is not None else []

    @property
    def certain_ports(self) -> set[int]:
        return {lis.port for lis in self.listening if lis.certain and lis.port is not None}

    @property
    def possible_ports(self) -> set[int]:
        return {lis.port for lis in self.listening if lis.port is not None}

    @property
    def configured_unreadably(self) -> bool:
        """Whether the server reads configuration the analysis cannot (a mounted folder, a template filled in at
        start, a file copied from another stage): then the ports its image declares say nothing."""
        files = self.process.files if self.process is not None else {}
        return any(
            file.content is None or "/templates" in path
            for path, file in files.items()
            if path.startswith(("/etc/nginx", "/etc/caddy", "/etc/traefik", "/usr/local/apache2/conf"))
        )

    def declared_ports(self) -> set[int]:
        """Ports the image says it serves without its command telling: EXPOSE, `expose:` and the image table;
        none when the server is configured by files the analysis cannot read."""
        if self.configured_unreadably:
            return set()
        ports: set[int] = set()
        if self.stage is not None:
            for instruction in lineage_instructions(self.stage):
                if instruction.keyword == "EXPOSE":
                    ports.update(
                        int(spec.container_port)
                        for spec in exposed_ports(instruction)
                        if spec.container_port.isdigit() and len(spec.container_port) <= 5
                    )
        if self.facts is not None:
            ports.update(port.number for port in self.facts.ports if port.protocol == "tcp")
        return ports | self.compose_exposed()

    def compose_exposed(self) -> set[int]:
        """The ports the service's `expose:` adds to those its image declares."""
        ports: set[int] = set()
        expose = self.service.get("expose")
        if isinstance(expose, Sequence):
            for item in expose.items:
                number, _, protocol = item.text.partition("/") if isinstance(item, Scalar) else ("", "", "")
                if number.isdigit() and len(number) <= 5 and protocol.lower() in ("", "tcp"):
                    ports.add(int(number))
        return ports

    def describe_ports(self) -> str:
        """How a message says what the service listens on."""
        certain = [lis for lis in self.listening if lis.certain and lis.port is not None]
        texts: list[str] = []
        for listener in certain:
            text = listener.describe_port()
            setting = listener.port_setting
            if (
                setting is not None
                and setting.span is not None
                and setting.span not in self.compose_spans
                and self.dockerfile
            ):
                text = Message(
                    "{listens} in {dockerfile} line {line}",
                    listens=text,
                    dockerfile=self.dockerfile,
                    line=setting.span.start_line,
                )
            if text not in texts:
                texts.append(text)
        return and_list(texts[:3])


# The services read in the current analysis: a dozen rules ask about the same services, and reading one parses
# its Dockerfile and lays the compose settings over it. Emptied when another analysis (other files) starts.
_READ: dict[int, tuple[Service, ServiceServer]] = {}
_READ_FOR: list[object] = [None]
_MAX_READ = 4096


def service_server(service: Service, context: LintContext) -> ServiceServer:
    """The process of ``service`` as Compose runs it (see the module docstring), read once per analysis."""
    if _READ_FOR[0] is not context.files or len(_READ) > _MAX_READ:
        _READ.clear()
        _READ_FOR[0] = context.files
    found = _READ.get(id(service))
    if found is not None and found[0] is service:
        return found[1]
    server = _read(service, context)
    _READ[id(service)] = (service, server)
    return server


def _read(service: Service, context: LintContext) -> ServiceServer:
    built = built_dockerfile(service, context)
    stage: Stage | None = None
    facts: ImageFacts | None = None
    base: Process | None = None
    path = None
    if built is not None:
        build = service.get("build")
        target = build.get("target") if isinstance(build, Mapping) else None
        document = _parsed(built.content)
        stage = document.stage_named(target.text.strip()) if isinstance(target, Scalar) else document.final_stage
        if stage is not None:
            base = stage_process(stage, Subfolder(context.files, built.context_dir, hidden=built.path))
            path = built.path
    elif service.get("build") is None:
        image = service.scalar("image")
        if image is not None and not image.unresolved and image.text.strip():
            facts = facts_for(image.text.strip())
            base = Process(facts=facts)
    compose_spans: set[Span] = set()
    overrides = _overrides(service, context, compose_spans)
    if base is None:
        if "command" not in overrides and "entrypoint" not in overrides:
            return ServiceServer(service, None, stage, path, facts, compose_spans)
        base = Process()
    process = _laid_over(base, overrides)
    if stage is not None:
        facts = process.image  # the image the Dockerfile builds on: its ports are inherited
    return ServiceServer(service, process, stage, path, facts, compose_spans, base)


@functools.lru_cache(maxsize=32)
def _parsed(content: str) -> Dockerfile:
    return parse_dockerfile(content)


def _overrides(service: Service, context: LintContext, spans: set[Span]) -> dict[str, object]:
    found: dict[str, object] = {}
    for key in ("entrypoint", "command"):
        node = service.get(key)
        if node is not None:
            words = _words(node, key)
            if words is not None:
                found[key] = words
                spans.update(a.span for a in words if a.span is not None)
    env: dict[str, Arg] = {}
    for name, text in _env_file_values(service, context).items():
        env[name] = Arg(text, None, f"env_file {name}={text}", at_run=True)
    for name, value, node in _environment(service):
        env[name] = Arg(value, node.span, f"environment {name}={value}", at_run=True)
        spans.add(node.span)
    found["env"] = env
    files: dict[str, ImageFile] = {}
    for mount in service.mounts:
        if mount.type != "bind" or not mount.target.startswith("/"):
            continue
        source = posixpath.normpath(posixpath.join(service.folder, mount.source.replace("\\", "/")))
        content = lookup(context.files, source) if not source.startswith(("/", "..")) else None
        files[posixpath.normpath(mount.target)] = ImageFile(content, mount.source, mount.node.span)
        spans.add(mount.node.span)
    found["files"] = files
    return found


def _laid_over(base: Process, overrides: dict[str, object]) -> Process:
    """Compose's rules: `entrypoint` replaces the image's and drops its CMD; `command` replaces CMD."""
    process = base
    entrypoint = overrides.get("entrypoint")
    command = overrides.get("command")
    if isinstance(entrypoint, tuple):
        process = process._replace(entrypoint=entrypoint, command=(), scripts=(), entry_shell=False)
    if isinstance(command, tuple):
        head = () if process.entry_shell else process.entrypoint
        process = process._replace(entrypoint=head, command=command, scripts=(), entry_shell=False)
    env = overrides.get("env")
    if isinstance(env, dict) and env:
        process = process._replace(env={**process.env, **env})
    files = overrides.get("files")
    if isinstance(files, dict) and files:
        process = process._replace(files={**process.files, **files})
    return process


def _words(node: Node, key: str) -> tuple[Arg, ...] | None:
    """A `command` or `entrypoint`: a list of words, or a string Compose splits as a shell would (no shell
    runs it)."""
    if isinstance(node, Sequence):
        words = []
        for item in node.items[:_MAX_WORDS]:
            if not isinstance(item, Scalar) or item.unresolved:
                return None
            words.append(Arg(item.text, item.span, f"`{item.text}` ({key})", item.source))
        return tuple(words)
    if isinstance(node, Scalar) and not node.unresolved:
        try:
            split = shlex.split(node.text)[:_MAX_WORDS]
        except ValueError:
            return None
        return tuple(Arg(word, node.span, f"`{word}` ({key})") for word in split)
    return None


def _environment(service: Service, unresolved: bool = False) -> list[tuple[str, str, Node]]:
    """The service's `environment` as (name, value, node); values using a variable without a value are left
    out, unless ``unresolved`` (then the variable counts as empty, as Compose substitutes it)."""
    node = service.get("environment")
    found: list[tuple[str, str, Node]] = []
    if isinstance(node, Mapping):
        for key, value in node.pairs:
            if isinstance(value, Scalar) and value.value is not None and (unresolved or not value.unresolved):
                found.append((key.raw, value.text, value))
    elif isinstance(node, Sequence):
        for item in node.items:
            if isinstance(item, Scalar) and "=" in item.text and (unresolved or not item.unresolved):
                name, _, text = item.text.partition("=")
                found.append((name.strip(), text, item))
    return found


def environment_entries(service: Service, unresolved: bool = False) -> list[tuple[str, str, Node]]:
    """The `environment` entries of ``service`` (name, interpolated value, node to report on); with
    ``unresolved``, also those using a variable without a value (counted as empty)."""
    return _environment(service, unresolved)


@dataclass(frozen=True)
class EnvFile:
    path: str  # as written in the compose file
    node: Node  # the `env_file` entry naming it, to report on
    entries: tuple[DotenvEntry, ...]


def env_files(service: Service, context: LintContext) -> list[EnvFile]:
    """The service's `env_file`s that were read with the analysis, in order (later ones win in Compose)."""
    node = service.get("env_file")
    written: list[tuple[str, Node]] = []
    if isinstance(node, Scalar):
        written.append((node.text, node))
    elif isinstance(node, Sequence):
        for item in node.items:
            if isinstance(item, Scalar):
                written.append((item.text, item))
            elif isinstance(item, Mapping):
                named = item.get("path")
                if isinstance(named, Scalar):
                    written.append((named.text, named))
    found: list[EnvFile] = []
    for path, item in written[:16]:
        normal = posixpath.normpath(posixpath.join(service.folder, path.replace("\\", "/")))
        if normal.startswith(("/", "..")):
            continue
        text = lookup(context.files, normal)
        if text is not None and len(text) <= 256 * 1024:
            found.append(EnvFile(path, item, tuple(dotenv_entries(text))))
    return found


def _env_file_values(service: Service, context: LintContext) -> TextMapping[str, str]:
    return {entry.key: entry.value for file in env_files(service, context) for entry in file.entries}


def host_names(services: list[Service]) -> dict[str, Service]:
    """The names a service answers to on the project's networks: its name, `container_name`, `hostname` and
    network `aliases`, lower case (DNS names are not case sensitive)."""
    names: dict[str, Service] = {}
    for service in services:
        names.setdefault(service.name.lower(), service)
        for key in ("container_name", "hostname"):
            text = service.text(key)
            if text:
                names.setdefault(text.lower(), service)
        networks = service.get("networks")
        if isinstance(networks, Mapping):
            for _, options in networks.pairs:
                aliases = options.get("aliases") if isinstance(options, Mapping) else None
                if isinstance(aliases, Sequence):
                    for alias in aliases.items:
                        if isinstance(alias, Scalar) and alias.text:
                            names.setdefault(alias.text.lower(), service)
    return names


def link_aliases(service: Service) -> set[str]:
    """The names `links` gives other services inside ``service`` (`db:database` adds `database`)."""
    found = set()
    links = service.get("links")
    if isinstance(links, Sequence):
        for item in links.items:
            if isinstance(item, Scalar):
                name, _, alias = item.text.partition(":")
                found.add((alias or name).strip().lower())
    return found


def extra_hosts(service: Service) -> set[str]:
    """Host names `extra_hosts` adds to the service's /etc/hosts."""
    found = set()
    node = service.get("extra_hosts")
    if isinstance(node, Sequence):
        for item in node.items:
            if isinstance(item, Scalar):
                name = item.text.replace("=", ":").split(":", 1)[0].strip()
                found.add(name.lower())
    elif isinstance(node, Mapping):
        found.update(key.raw.lower() for key, _ in node.pairs)
    return found


def joins_external_network(document: ComposeFile) -> bool:
    """Whether the project declares an external network: then hosts that no service names may live there, and
    the rules that judge host names stay silent."""
    networks = document.top("networks")
    if not isinstance(networks, Mapping):
        return False
    return any(isinstance(options, Mapping) and "external" in options for _, options in networks.pairs)
