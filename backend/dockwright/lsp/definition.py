"""Go to definition: a variable to its ARG/ENV, a stage reference to its FROM, a Compose name to where it is
defined: in the same file, else in the files it ``include``s, else in the Compose files beside it that
Compose merges with it (``compose.yaml`` and ``compose.override.yaml``, ``docker-compose.prod.yml``...)."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from dockwright.compose.model import ComposeFile
from dockwright.detect import kind_from_filename
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Span
from dockwright.lint import parse
from dockwright.lsp import compose_lookup, dockerfile_lookup
from dockwright.lsp.analysis import Analysis
from dockwright.lsp.positions import split_lines, to_range

# An include tree is searched breadth first, within these bounds (as the engine bounds its own reading).
MAX_FILES = 20
MAX_DEPTH = 5

Reader = Callable[[Path], str | None]


def definition(
    analysis: Analysis, path: Path | None, line: int, column: int, read: Reader, encoding: str
) -> list[types.Location]:
    document = analysis.document
    if isinstance(document, Dockerfile):
        spans = _dockerfile(document, analysis.lines, line, column)
        return [types.Location(uri=analysis.uri, range=to_range(analysis.lines, span, encoding)) for span in spans]
    if isinstance(document, ComposeFile):
        return _Compose(analysis, path, read, encoding).definition(line, column)
    return []


def _dockerfile(document: Dockerfile, lines: list[str], line: int, column: int) -> list[Span]:
    instruction = dockerfile_lookup.instruction_at(document, line)
    if instruction is None:
        return []
    variable = dockerfile_lookup.variable_at(lines, line, column)
    if variable is not None:
        return [found.pair.key_span for found in dockerfile_lookup.definitions(document, instruction, variable[0])]
    reference = dockerfile_lookup.stage_reference_at(document, instruction, line, column)
    if reference is None:
        return []
    stage = reference[0]
    return [stage.name_span or stage.from_instruction.span]


class _Compose:
    def __init__(self, analysis: Analysis, path: Path | None, read: Reader, encoding: str) -> None:
        self.analysis = analysis
        self.path = path
        self.read = read
        self.encoding = encoding

    def definition(self, line: int, column: int) -> list[types.Location]:
        document = self.analysis.document
        assert isinstance(document, ComposeFile)
        reference = compose_lookup.reference_at(document, line, column)
        if isinstance(reference, compose_lookup.FileReference):
            target = self._resolve(self.path, reference.path)
            if target is None or self.read(target) is None:
                return []
            return [types.Location(uri=from_fs_path(str(target)) or "", range=types.Range(start=_START, end=_START))]
        if reference is None:
            return []
        if reference.file is None:
            key = compose_lookup.definition(document, reference.section, reference.name)
            if key is not None:
                return [
                    types.Location(uri=self.analysis.uri, range=to_range(self.analysis.lines, key.span, self.encoding))
                ]
            candidates = self._project_files()
        else:
            target = self._resolve(self.path, reference.file)
            candidates = [target] if target is not None else []
        locations = []
        for candidate in candidates:
            loaded = self._load(candidate)
            if loaded is None:
                continue
            lines, other = loaded
            key = compose_lookup.definition(other, reference.section, reference.name)
            if key is not None:
                uri = from_fs_path(str(candidate)) or ""
                locations.append(types.Location(uri=uri, range=to_range(lines, key.span, self.encoding)))
        return locations

    def _project_files(self) -> list[Path]:
        """The included files (breadth first), then the Compose files beside this one."""
        if self.path is None:
            return []
        found: list[Path] = []
        queue = [(self.path, 0)]
        seen = {self.path}
        while queue and len(found) < MAX_FILES:
            current, depth = queue.pop(0)
            if current != self.path:
                found.append(current)
            loaded = self._load(current) if current != self.path else (self.analysis.lines, self.analysis.document)
            if loaded is None or depth >= MAX_DEPTH:
                continue
            assert isinstance(loaded[1], ComposeFile)
            for written in compose_lookup.included_files(loaded[1]):
                target = self._resolve(current, written)
                if target is not None and target not in seen:
                    seen.add(target)
                    queue.append((target, depth + 1))
        siblings = sorted(
            p for p in self.path.parent.iterdir() if p not in seen and p.is_file() and _is_compose_name(p.name)
        )
        return [*found, *siblings[:MAX_FILES]]

    def _load(self, path: Path) -> tuple[list[str], ComposeFile] | None:
        text = self.read(path)
        if text is None:
            return None
        document = parse(text, "compose")
        return (split_lines(text), document) if isinstance(document, ComposeFile) else None

    @staticmethod
    def _resolve(base: Path | None, written: str) -> Path | None:
        """A path written in the file ``base``, or None for a remote or unknown one."""
        text = written.strip().replace("\\", "/")
        if base is None or not text or "://" in text or text.startswith(("git@", "$", "~")):
            return None
        return Path(posixpath.normpath(posixpath.join(base.parent.as_posix(), text)))


def _is_compose_name(name: str) -> bool:
    return kind_from_filename(name) == "compose" and "compose" in name.lower()


_START = types.Position(line=0, character=0)
