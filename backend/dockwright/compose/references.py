"""The project a compose file belongs to: the files merged with it, those it ``include``s and the services
it ``extends``.

Compose never runs a file alone. Override files (``compose.override.yaml``, or the later ``-f`` files; see
:mod:`dockwright.compose.bundle`) are merged over it, ``include`` adds the services, networks, volumes,
configs and secrets of other files to the project, and ``extends`` copies a base service (from the same
file or another one) under the extending service's settings. As in compose-go, each file's ``extends`` is
resolved first, then the files are merged in order. Rules that judge consistency ("is ``db`` defined?") or missing
settings ("does the service restart?") must look at that project, or they report what the other files
provide. :meth:`ComposeFile.project <dockwright.compose.model.ComposeFile.project>` builds it once per
analysis; rules ask it instead of the bare file.

Other files are read through ``LintContext.files``, by paths relative to the linted file; a path that
leaves the linted file's folder, a remote resource or an absent file is never guessed at. It leaves a gap
instead, which the rules honour by staying silent about what the gap could hold: an incomplete project
may define any name, and a service with an unreadable base may set any setting.

Nodes of other files are only ever used for their values: findings are positioned in the linted file
(:meth:`ComposeFile.owns <dockwright.compose.model.ComposeFile.owns>` tells which nodes it writes).

Every file read is bounded by the loader's limits, and the project as a whole by the number of files and
their total size below: past them, the files left out are unreadable, and rules stay silent about them.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dockwright.compose.bundle import compose_files, linted_key, lookup
from dockwright.compose.dotenv import parse_dotenv
from dockwright.compose.environment import Environment
from dockwright.compose.loader import load
from dockwright.compose.merge import merge, merge_service
from dockwright.compose.model import ComposeFile, Service, awaited_completion, depended_on
from dockwright.compose.nodes import Mapping, Node, Scalar, Sequence

if TYPE_CHECKING:
    from dockwright.context import LintContext

# Nested includes and extends chains deeper than this are treated as unreadable: real projects stay at
# two or three levels, and the bound keeps a hostile set of files from costing more than a few reads.
MAX_DEPTH = 10
MAX_FILES = 50
# All the project's other files together; the linted file is bounded by the loader alone.
MAX_PROJECT_CHARS = 2_000_000
SECTIONS = ("networks", "volumes", "secrets", "configs")
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*://|git@|[A-Za-z]:[/\\])")


@dataclass(frozen=True)
class Unreadable:
    """A file the project needs but that could not be read: what it defines is unknown."""

    path: str
    reason: str
    # Where the linted file names it (an include entry, an ``extends.file``), and whether a limit of the
    # analysis, rather than the file, is the reason: that is worth a finding.
    node: Node | None = None
    limit: bool = False


@dataclass(frozen=True)
class _Loaded:
    """A file of the project: its key in ``LintContext.files`` and the folder its relative paths start from."""

    path: str
    folder: str
    document: ComposeFile


@dataclass(frozen=True)
class _Include:
    """One ``include`` entry: its files, and where their relative paths and default ``.env`` start."""

    paths: list[Scalar]
    project_directory: Scalar | None = None
    env_files: list[Scalar] = field(default_factory=list)


@dataclass(frozen=True)
class _Merged:
    body: Mapping
    complete: bool = True
    # (file, service) when the base service's file was read but does not define it (Compose refuses that).
    missing: tuple[str, str] | None = None


@dataclass(eq=False)
class Project:
    """The linted file's services as Compose runs them, and what its included files define."""

    document: ComposeFile
    # The linted file's services as Compose runs them: ``extends`` bases merged in, then the other files of
    # the project merged in order (``Service.own`` is what the linted file writes).
    services: list[Service]
    # Services only other files of the project define (an override's base, a later -f file), and those of
    # included files (bases merged too); never reported on, only looked up.
    other_services: list[Service] = field(default_factory=list)
    included_services: list[Service] = field(default_factory=list)
    # The project's compose files in merge order, the linted one among them.
    files: list[str] = field(default_factory=list)
    included: dict[str, set[str]] = field(default_factory=dict)
    # Included files that could not be read: any name may be defined there.
    unreadable: list[Unreadable] = field(default_factory=list)
    # Service name → (file, base service) of an ``extends: {file: ...}`` that file, read, does not define.
    missing_bases: dict[str, tuple[str, str]] = field(default_factory=dict)
    _sections: dict[str, set[str]] = field(default_factory=dict)
    # Service name → its place in the project: the order of first definition over the project's files.
    _order: dict[str, int] = field(default_factory=dict)
    _key: tuple[object, object, object] = (None, None, None)

    @classmethod
    def build(cls, document: ComposeFile, context: LintContext) -> Project:
        return _Resolver(document, context).project()

    def built_for(self, document: ComposeFile, context: LintContext) -> bool:
        key = self._key
        return key[0] is context.files and key[1] == context.filename and key[2] == document.environment

    @property
    def complete(self) -> bool:
        """Whether every included file was read: only then is a name the project lacks really undefined."""
        return not self.unreadable

    def first_defined_here(self) -> list[Service]:
        """The linted file's services that no earlier file of the project defines: findings about a whole
        service ("it has no healthcheck") are reported there, once, not again in each override."""
        return [service for service in self.services if service.first_here]

    def in_order(self) -> list[Service]:
        """The project's services (included ones aside) in the order Compose reads them: by the file that
        first defines each, then by position in it. Rules comparing services ("this name is taken") use it,
        so that every file of the project agrees on which service came first."""
        services = [*self.services, *self.other_services]
        return sorted(services, key=lambda service: self._order.get(service.name, len(self._order)))

    def service_names(self) -> set[str]:
        return {service.name for service in self.all_services()}

    def defined(self, section: str) -> set[str]:
        """Names declared under a top-level section in any file of the project or an included file."""
        return self.document.defined(section) | self._sections.get(section, set()) | self.included.get(section, set())

    def all_services(self) -> list[Service]:
        return [*self.services, *self.other_services, *self.included_services]

    def awaited_completion(self) -> set[str]:
        return awaited_completion(self.all_services())

    def depended_on(self) -> set[str]:
        return depended_on(self.all_services())


class _Resolver:
    """Reads the project's files (each once), merges ``extends`` bases and the project's compose files in
    order; collects what it could not read."""

    def __init__(self, document: ComposeFile, context: LintContext) -> None:
        self.document = document
        self.context = context
        self.files = context.files
        own_path = linted_key(context.files, context.filename)
        self.root = _Loaded(own_path, "", document)
        self.cache: dict[tuple[str, tuple[tuple[str, str], ...]], _Loaded | Unreadable] = {}
        self.unreadable: list[Unreadable] = []
        self.included: list[_Loaded] = []
        self.visited: set[str] = {own_path}
        self.included_index: dict[str, tuple[Service, _Loaded]] = {}
        self.missing: dict[str, tuple[str, str]] = {}
        self.chars = 0

    def project(self) -> Project:
        loaded = self._project_files()
        for item in loaded:
            self._include(item, depth=0)
        for included in self.included:
            for service in included.document.services:
                self.included_index.setdefault(service.name, (service, included))
        merged: dict[str, Service] = {}
        for item in loaded:
            for service in item.document.services:
                effective = self._effective(service, item, report=item is self.root)
                earlier = merged.get(service.name)
                merged[service.name] = effective if earlier is None else _merged_service(earlier, effective)
        own = {service.name for service in self.document.services}
        first: dict[str, _Loaded] = {}
        for item in loaded:
            for service in item.document.services:
                first.setdefault(service.name, item)
        services = [
            self._as_written(merged[service.name], service, first[service.name]) for service in self.document.services
        ]
        included_services = [
            self._effective(service, item) for item in self.included for service in item.document.services
        ]
        return Project(
            document=self.document,
            services=services,
            other_services=[service for name, service in merged.items() if name not in own],
            included_services=included_services,
            files=[item.path for item in loaded],
            included={section: _names(self.included, section) for section in SECTIONS},
            unreadable=self.unreadable,
            missing_bases=self.missing,
            _sections={section: _names([i for i in loaded if i is not self.root], section) for section in SECTIONS},
            _order={name: position for position, name in enumerate(merged)},
            _key=(self.files, self.context.filename, self.document.environment),
        )

    def _project_files(self) -> list[_Loaded]:
        """The project's compose files in merge order, read with the linted file's environment."""
        loaded: list[_Loaded] = []
        for path in compose_files(self.files, self.root.path):
            if path == self.root.path:
                loaded.append(self.root)
                continue
            self.visited.add(path)
            item = self._read(path, "", self.document.environment)
            if isinstance(item, Unreadable):
                self.unreadable.append(item)
            else:
                loaded.append(item)
        return loaded

    def _as_written(self, merged: Service, written: Service, first: _Loaded) -> Service:
        """The project's service as the linted file writes it: its key, and what it writes, here."""
        return Service(
            merged.name,
            written.key,
            merged.body,
            own=written.body,
            incomplete=merged.incomplete,
            folder=merged.folder,
            first_here=first is self.root,
        )

    # --- include ---------------------------------------------------------------------------------------

    def _include(self, parent: _Loaded, depth: int) -> None:
        for entry in _include_entries(parent.document):
            if isinstance(entry, Unreadable):
                self.unreadable.append(entry)
                continue
            env = self._include_env(parent, entry)
            for written in entry.paths:
                self._include_one(parent, written, entry.project_directory, env, depth)

    def _include_one(
        self, parent: _Loaded, written: Scalar, project_directory: Scalar | None, env: Environment, depth: int
    ) -> None:
        path = _path(parent.folder, written)
        if path is None:
            self.unreadable.append(Unreadable(written.text, "not a local file inside the analysed folder"))
            return
        if path in self.visited:
            return  # an include cycle (Compose refuses it) or a file reached twice: its names are counted
        if depth >= MAX_DEPTH:
            self.unreadable.append(Unreadable(path, f"included more than {MAX_DEPTH} levels deep", written, True))
            return
        self.visited.add(path)
        folder = posixpath.dirname(path)
        if project_directory is not None:
            folder = _path(parent.folder, project_directory) or folder
        loaded = self._read(path, folder, env, written)
        if isinstance(loaded, Unreadable):
            self.unreadable.append(loaded)
            return
        self.included.append(loaded)
        self._include(loaded, depth + 1)

    def _include_env(self, parent: _Loaded, entry: _Include) -> Environment:
        """The variables an included file is interpolated with: its ``env_file``s (default: the ``.env`` of
        its project directory) under the including project's own, which win (as in compose-go)."""
        if entry.env_files:
            names = [_path(parent.folder, node) for node in entry.env_files]
        else:
            directory = _path(parent.folder, entry.project_directory)
            if directory is None:
                first = _path(parent.folder, entry.paths[0])
                directory = posixpath.dirname(first) if first is not None else None
            names = [posixpath.join(directory, ".env") if directory else ".env"]
        env: dict[str, str] = {}
        sources: list[str] = []
        for name in names[:MAX_DEPTH]:
            text = lookup(self.files, name) if name is not None else None
            if text is not None and name is not None:
                env.update(parse_dotenv(text[:MAX_PROJECT_CHARS]))
                sources.append(name)
        parent_env = parent.document.environment
        return Environment({**env, **parent_env.values}, (*sources, *parent_env.sources))

    # --- extends ---------------------------------------------------------------------------------------

    def _effective(self, service: Service, loaded: _Loaded, report: bool = False) -> Service:
        merged = self._merged(service, loaded, ())
        if report and merged.missing is not None:
            self.missing[service.name] = merged.missing
        return Service(
            service.name,
            service.key,
            merged.body,
            own=service.body,
            incomplete=not merged.complete,
            folder=loaded.folder,
        )

    def _merged(self, service: Service, loaded: _Loaded, chain: tuple[tuple[str, str], ...]) -> _Merged:
        """The service's settings once its base (and the base's base...) is merged under them."""
        target = _extends_target(service.body)
        if target is None:
            return _Merged(service.body)
        file_node, name = target
        here = (loaded.path, service.name)
        if not name or here in chain or len(chain) >= MAX_DEPTH:
            return _Merged(service.body, complete=False)  # malformed, a cycle (Compose refuses both) or too deep
        base_file = loaded if file_node is None else self._extended_file(loaded, file_node)
        if isinstance(base_file, Unreadable):
            if base_file.limit and loaded is self.root:
                self.unreadable.append(base_file)
            return _Merged(service.body, complete=False)
        base = self._base(base_file, name, same_file=file_node is None)
        if base is None:
            missing = (base_file.path, name) if file_node is not None else None
            return _Merged(service.body, complete=False, missing=missing)
        inner = self._merged(base[0], base[1], (*chain, here))
        return _Merged(merge_service(inner.body, service.body), inner.complete)

    def _extended_file(self, loaded: _Loaded, file_node: Scalar) -> _Loaded | Unreadable:
        path = _path(loaded.folder, file_node)
        if path is None:
            return Unreadable(file_node.text, "not a local file inside the analysed folder")
        # Compose interpolates an extended file with the variables of the project that extends it.
        return self._read(path, posixpath.dirname(path), loaded.document.environment, file_node)

    def _base(self, loaded: _Loaded, name: str, same_file: bool) -> tuple[Service, _Loaded] | None:
        service = loaded.document.service(name)
        if service is not None:
            return service, loaded
        # `extends: db` may name a service an included file brings into the project.
        return self.included_index.get(name) if same_file else None

    # --- reading ---------------------------------------------------------------------------------------

    def _read(self, path: str, folder: str, env: Environment, node: Node | None = None) -> _Loaded | Unreadable:
        if path == self.root.path:
            return self.root
        key = (path, tuple(sorted(env.values.items())))
        cached = self.cache.get(key)
        if cached is None:
            cached = self.cache[key] = self._parse(path, folder, env, node)
        return cached

    def _parse(self, path: str, folder: str, env: Environment, node: Node | None) -> _Loaded | Unreadable:
        if len(self.cache) >= MAX_FILES:
            return Unreadable(path, f"the project references more than {MAX_FILES} files", node, True)
        text = lookup(self.files, path)
        if text is None:
            return Unreadable(path, "not among the analysed files")
        self.chars += len(text)
        if self.chars > MAX_PROJECT_CHARS:
            reason = f"the project's other files hold more than {MAX_PROJECT_CHARS:,} characters together"
            return Unreadable(path, reason, node, True)
        loaded = load(text)
        if loaded.root is None:
            return Unreadable(path, "not valid YAML")
        lines = [line.removesuffix("\r") for line in text.split("\n")]
        document = ComposeFile(text=text, lines=lines, root=loaded.root, problems=loaded.problems)
        document.interpolate_with(env)
        return _Loaded(path, folder, document)


def _merged_service(earlier: Service, later: Service) -> Service:
    """A service defined in two files of the project: the later file's definition over the earlier's."""
    body = merge(earlier.body, later.body)
    return Service(
        earlier.name,
        earlier.key,
        body if isinstance(body, Mapping) else later.body,
        incomplete=earlier.incomplete or later.incomplete,
        folder=earlier.folder,
    )


def _include_entries(document: ComposeFile) -> Iterator[_Include | Unreadable]:
    """Each ``include`` entry (short or long form); a malformed one stands for files that cannot be read."""
    node = document.top("include")
    if node is None or (isinstance(node, Scalar) and node.value is None):
        return
    if not isinstance(node, Sequence):
        yield Unreadable("", "`include` is not a list")
        return
    for item in node.items:
        if isinstance(item, Scalar):
            yield _Include([item])
            continue
        paths = _scalars(item.get("path")) if isinstance(item, Mapping) else []
        if not isinstance(item, Mapping) or not paths:
            yield Unreadable("", "an include entry without a path")
            continue
        project_directory = item.get("project_directory")
        directory = project_directory if isinstance(project_directory, Scalar) else None
        yield _Include(paths, directory, _scalars(item.get("env_file")))


def _extends_target(body: Mapping) -> tuple[Scalar | None, str] | None:
    """(``file`` node or None for the same file, base service name) of ``extends``; None without one."""
    extends = body.get("extends")
    if extends is None:
        return None
    if isinstance(extends, Scalar):
        return None, extends.text.strip()
    if not isinstance(extends, Mapping):
        return None, ""
    service = extends.get("service")
    file_node = extends.get("file")
    name = service.text.strip() if isinstance(service, Scalar) else ""
    if file_node is not None and not isinstance(file_node, Scalar):
        return None, ""
    return file_node, name


def _scalars(node: Node | None) -> list[Scalar]:
    """A string or a list of strings (``path``, ``env_file``) as scalars; other items are dropped."""
    if isinstance(node, Scalar):
        return [node]
    if isinstance(node, Sequence):
        return [item for item in node.items if isinstance(item, Scalar)]
    return []


def _path(folder: str, written: Scalar | None) -> str | None:
    """The ``LintContext.files`` key of a path written in a file of ``folder``; None for what must not be
    read: a remote resource, an absolute path, or one leaving the linted file's folder (as RelativeFiles)."""
    if written is None or written.unresolved:
        return None
    text = written.text.strip().replace("\\", "/")
    if not text or text.startswith(("/", "~")) or _REMOTE.match(text):
        return None
    path = posixpath.normpath(posixpath.join(folder, text))
    if path == ".." or path.startswith("../"):
        return None
    return path


def _names(included: list[_Loaded], section: str) -> set[str]:
    return {name for loaded in included for name in loaded.document.defined(section)}
