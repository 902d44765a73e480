"""The parsed compose file that compose rules receive.

Rules ask it questions ("the services", "this service's published ports", "its mounts") instead of
reading YAML. Values are interpolated against the project's environment (its env files, see
:mod:`dockwright.compose.environment`): rules call :meth:`ComposeFile.prepare` with their context first
(``ComposeRule`` does it for them); the work is done once per analysis.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from collections.abc import Mapping as TextMapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from dockwright.compose.environment import NO_ENVIRONMENT, Environment, environment_of, project_environment
from dockwright.compose.interpolation import InterpolationIssue, interpolate
from dockwright.compose.loader import Problem, resolve_scalar
from dockwright.compose.mounts import Mount, mounts
from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence, boolean
from dockwright.compose.ports import PortBinding, port_bindings
from dockwright.findings import Span

if TYPE_CHECKING:
    from dockwright.compose.references import Project
    from dockwright.context import LintContext
    from dockwright.pragmas import Pragma

# Restart policies after which Compose leaves a stopped container stopped (`none` is deploy's word).
ONE_SHOT_RESTARTS = ("no", "false", "none")
# Namespace settings that may name another service as `service:<name>`.
SERVICE_NAMESPACES = ("network_mode", "ipc", "pid", "uts", "cgroup")


@dataclass(frozen=True)
class ScalarIssue:
    scalar: Scalar
    issue: InterpolationIssue

    @property
    def span(self) -> Span:
        return self.scalar.offset_span(self.issue.start, self.issue.end)


@dataclass(eq=False)
class Service:
    name: str
    key: Scalar
    body: Mapping
    # For a service of a :class:`~dockwright.compose.references.Project`: ``body`` is what Compose runs,
    # its ``extends`` base merged in, while ``own`` is what this file writes, where findings point.
    # ``incomplete`` when a base could not be read: settings may be missing from ``body``.
    own: Mapping | None = None
    incomplete: bool = False
    # False when an earlier file of the project (an override's base) defines the service too: findings
    # about the whole service ("it has no healthcheck") belong to that file, once.
    first_here: bool = True
    # The folder its relative paths (``build``) start from, relative to the linted file: "" for the linted
    # file's services, the included file's project directory for services of an included file.
    folder: str = ""

    @property
    def written(self) -> Mapping:
        """The settings written in this file, without what ``extends`` brings."""
        return self.own if self.own is not None else self.body

    def get(self, key: str) -> Node | None:
        return self.body.get(key)

    def scalar(self, key: str) -> Scalar | None:
        node = self.body.get(key)
        return node if isinstance(node, Scalar) else None

    def text(self, key: str) -> str:
        """A scalar setting as text ("" when absent or not a scalar)."""
        node = self.scalar(key)
        return node.text.strip() if node is not None else ""

    def span_of(self, key: str) -> Span:
        """Where to report about ``key``: the key itself when written here, else the service's name."""
        key_node = self.written.key(key)
        return key_node.span if key_node is not None else self.key.span

    @property
    def ports(self) -> list[PortBinding]:
        return port_bindings(self.body.get("ports"))

    @property
    def mounts(self) -> list[Mount]:
        return mounts(self.body.get("volumes"))

    @property
    def restart(self) -> str:
        return self.text("restart").lower()

    def dependencies(self) -> list[tuple[str, Node, Mapping | None]]:
        """``depends_on`` entries as (service name, node to report on, the entry's options if any)."""
        depends_on = self.body.get("depends_on")
        if isinstance(depends_on, Sequence):
            return [(item.text, item, None) for item in depends_on.items if isinstance(item, Scalar)]
        if isinstance(depends_on, Mapping):
            return [(key.raw, key, value if isinstance(value, Mapping) else None) for key, value in depends_on.pairs]
        return []

    def start_dependencies(self) -> list[tuple[str, Node]]:
        """Every service Compose starts before this one, as (service name, node to report on): ``depends_on``
        and what compose-go adds to it, ``links``, a ``service:<name>`` namespace (``network_mode``, ``ipc``,
        ``pid``, ``uts``, ``cgroup``) and ``volumes_from`` (other than ``container:<name>``)."""
        found = [(name, node) for name, node, _ in self.dependencies()]
        for item in _scalar_items(self.body.get("links")):
            found.append((item.text.split(":", 1)[0].strip(), item))
        for setting in SERVICE_NAMESPACES:
            mode = self.scalar(setting)
            if mode is not None and mode.text.startswith("service:"):
                found.append((mode.text.removeprefix("service:").strip(), mode))
        for item in _scalar_items(self.body.get("volumes_from")):
            if not item.text.startswith("container:"):
                found.append((item.text.split(":", 1)[0].strip(), item))
        return found

    def restart_policy(self) -> str | None:
        """The restart policy Compose gives the container, lower case; None when the service sets none.

        ``deploy.restart_policy`` wins over ``restart`` when both are set, as in docker compose; its
        ``condition`` defaults to ``any``. The text is "" when it comes from a variable without a value.
        """
        deploy = self.body.get("deploy")
        if isinstance(deploy, Mapping) and "restart_policy" in deploy:
            policy = deploy.get("restart_policy")
            condition = policy.get("condition") if isinstance(policy, Mapping) else None
            return condition.text.strip().lower() if isinstance(condition, Scalar) else "any"
        return self.restart if "restart" in self.body else None

    def is_one_shot(self) -> bool:
        """Whether Compose leaves the container stopped once it exits (``restart: "no"`` and the like)."""
        return self.restart_policy() in ONE_SHOT_RESTARTS

    def healthcheck_setting(self) -> bool | None:
        """What the compose ``healthcheck`` says: False when it turns the healthcheck off (``disable: true``,
        ``test: [NONE]``), True when it sets a ``test``, None when it leaves the image's HEALTHCHECK in force
        (no ``healthcheck``, or one that only changes its timings)."""
        healthcheck = self.body.get("healthcheck")
        if not isinstance(healthcheck, Mapping):
            return None
        if boolean(healthcheck.get("disable")):
            return False
        test = healthcheck.get("test")
        if isinstance(test, Sequence) and test.items:
            first = test.items[0]
            return not (isinstance(first, Scalar) and first.text.upper() == "NONE")
        if isinstance(test, Scalar) and test.text.strip():
            return True
        return None


@dataclass(eq=False)
class ComposeFile:
    text: str
    lines: list[str]
    root: Node | None
    problems: list[Problem] = field(default_factory=list)
    # Line of a key or list item opening a block → the block's last line, for pragma scopes.
    block_ends: dict[int, int] = field(default_factory=dict)
    # What the YAML is when it is not Compose ("a Kubernetes Deployment"); see dockwright.compose.foreign.
    foreign: str | None = None
    interpolation_issues: list[ScalarIssue] = field(default_factory=list)
    environment: Environment = NO_ENVIRONMENT
    # Characters of fixed text parsed again to check a fix (see dockwright.compose.reorder), this analysis.
    checked_chars: int = 0
    _interpolated_with: Environment | None = field(default=None, repr=False)
    _prepared_for: object = field(default=None, repr=False)
    _project: Project | None = field(default=None, repr=False)

    @property
    def env(self) -> TextMapping[str, str]:
        return self.environment.values

    @property
    def mapping(self) -> Mapping | None:
        return self.root if isinstance(self.root, Mapping) else None

    def top(self, key: str) -> Node | None:
        return self.mapping.get(key) if self.mapping is not None else None

    def top_key(self, key: str) -> Scalar | None:
        return self.mapping.key(key) if self.mapping is not None else None

    @cached_property
    def services(self) -> list[Service]:
        services = self.top("services")
        if not isinstance(services, Mapping):
            return []
        return [Service(key.raw, key, body) for key, body in services.pairs if isinstance(body, Mapping)]

    def service(self, name: str) -> Service | None:
        return self._services_by_name.get(name)

    @cached_property
    def _services_by_name(self) -> dict[str, Service]:
        # `extends` chains look services up by name, once per link: a scan would be quadratic.
        index: dict[str, Service] = {}
        for service in self.services:
            index.setdefault(service.name, service)
        return index

    def awaited_completion(self) -> set[str]:
        return awaited_completion(self.services)

    def depended_on(self) -> set[str]:
        return depended_on(self.services)

    def defined(self, section: str) -> set[str]:
        """Names defined under a top-level section (``networks``, ``volumes``, ``secrets``, ``configs``)."""
        node = self.top(section)
        return set(node.keys()) if isinstance(node, Mapping) else set()

    def project(self, context: LintContext) -> Project:
        """This file together with what it includes and extends from ``context.files``; built once per analysis."""
        from dockwright.compose.references import Project  # references builds on this module

        cached = self._project
        if cached is None or not cached.built_for(self, context):
            cached = self._project = Project.build(self, context)
        return cached

    def prepare(self, context: LintContext) -> None:
        """Interpolate against the environment of the analysis' files, once per analysis."""
        if context.files is self._prepared_for:
            return
        self._prepared_for = context.files
        self.interpolate_with(project_environment(context.files))

    def resolve(self, env_text: str | None) -> None:
        """Interpolate every scalar against the variables of ``env_text`` (an ``.env`` file's content)."""
        self._prepared_for = None
        self.interpolate_with(environment_of(env_text))

    def interpolate_with(self, environment: Environment) -> None:
        if environment == self._interpolated_with:
            return
        self._interpolated_with = environment
        self.environment = environment
        self.interpolation_issues = []
        for scalar in scalars(self.root):
            self._interpolate(scalar)

    def _interpolate(self, scalar: Scalar) -> None:
        if "$" not in scalar.raw or not isinstance(resolve_scalar(scalar), str):
            return
        result = interpolate(scalar.raw, self.environment.values)
        scalar.value = result.value
        scalar.variables = tuple(result.variables)
        scalar.unresolved = bool(result.missing)
        self.interpolation_issues.extend(ScalarIssue(scalar, issue) for issue in result.issues)

    def owns(self, node: Node) -> bool:
        """Whether ``node`` is written in this file (not in another file of the project)."""
        return id(node) in self._own_nodes

    @cached_property
    def _own_nodes(self) -> frozenset[int]:
        ids: set[int] = set()
        stack: list[Any] = [self.root] if self.root is not None else []
        while stack:
            node = stack.pop()
            if id(node) in ids:
                continue
            ids.add(id(node))
            if isinstance(node, Mapping):
                for key, value in node.pairs:
                    ids.add(id(key))
                    stack.append(value)
            elif isinstance(node, Sequence):
                stack.extend(node.items)
        return frozenset(ids)

    def pragma_scope(self, pragma: Pragma) -> tuple[int, int] | None:
        if pragma.trailing:
            return pragma.line, pragma.line
        for number in range(pragma.line + 1, len(self.lines) + 1):
            stripped = self.lines[number - 1].strip()
            if stripped and not stripped.startswith("#"):
                return number, max(number, self.block_ends.get(number, number))
        return None


def awaited_completion(services: Iterable[Service]) -> set[str]:
    """Services another service waits for with ``condition: service_completed_successfully``: one-shot jobs."""
    names = set()
    for service in services:
        for name, _, options in service.dependencies():
            condition = options.get("condition") if options is not None else None
            if isinstance(condition, Scalar) and condition.text == "service_completed_successfully":
                names.add(name)
    return names


def _scalar_items(node: Node | None) -> list[Scalar]:
    return [item for item in node.items if isinstance(item, Scalar)] if isinstance(node, Sequence) else []


def depended_on(services: Iterable[Service]) -> set[str]:
    return {name for service in services for name, _, _ in service.dependencies()}


def scalars(root: Node | None) -> Iterator[Scalar]:
    """Every value scalar once (shared nodes included once); keys are never interpolated."""
    seen: set[int] = set()
    stack: list[Any] = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Scalar):
            yield node
        elif isinstance(node, Mapping):
            stack.extend(value for _, value in node.pairs)
        elif isinstance(node, Sequence):
            stack.extend(node.items)


def block_ends(root: Node | None) -> dict[int, int]:
    """For each line where a key or list item opens a multi-line block, the last line of that block."""
    ends: dict[int, int] = {}
    seen: set[int] = set()
    stack: list[Any] = [root] if root is not None else []

    def note(line: int, child: Node) -> None:
        if child.span.end_line > line:
            ends[line] = max(ends.get(line, line), child.span.end_line)

    while stack:
        node = stack.pop()
        if id(node) in seen or isinstance(node, Scalar):
            continue
        seen.add(id(node))
        if isinstance(node, Mapping):
            for key, value in node.pairs:
                note(key.span.start_line, value)
                stack.append(value)
        elif isinstance(node, Sequence):
            for item in node.items:
                note(item.span.start_line, item)
                stack.append(item)
    return ends
