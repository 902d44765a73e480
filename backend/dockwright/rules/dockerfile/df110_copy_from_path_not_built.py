from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction, Stage
from dockwright.dockerfile.queries.build_context import context_files, read_file
from dockwright.dockerfile.queries.commands import commands_of, operands
from dockwright.dockerfile.queries.paths import copy_paths, is_within, normalize, workdir_at
from dockwright.dockerfile.queries.stages import instructions_of, lineage_instructions
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Flags naming the file or folder a build writes.
_OUTPUT_FLAGS = ("-o", "--output", "--out", "--out-dir", "--outdir", "--output-dir", "--dist-dir", "--destination")
# What creates a folder without naming it an output: its path is "built" too.
_CREATING = {"mkdir": "all", "cp": "last", "mv": "last", "ln": "last", "install": "last"}
# JavaScript build tools, the folder each writes by default, and what moves it.
_JS_TOOLS = {
    "vite": (
        "dist",
        ("--outDir", "--out-dir"),
        ("vite.config.js", "vite.config.ts", "vite.config.mjs", "vite.config.mts"),
    ),
    "react-scripts": ("build", (), ()),
    "vue-cli-service": ("dist", ("--dest",), ("vue.config.js",)),
    "parcel": ("dist", ("--dist-dir", "-d"), (".parcelrc",)),
}
_OUTPUT_FOLDERS = frozenset({"build", "dist", "out", ".next", "public"})
_BUILD_SCRIPT = re.compile(r"^(npm|pnpm|yarn)$")


@register
class CopyFromPathNotBuilt(Rule):
    id = "DF110"
    slug = "copy-from-path-not-built"
    severity = Severity.ERROR
    title = "COPY --from names a path the earlier stage does not build"
    rationale = (
        "`COPY --from=build /app/server` copies what the build stage left at that path. When the stage built "
        "it elsewhere (`go build -o server` in /src), or the build tool writes another folder (Vite writes "
        "dist/, not build/), the build fails with `not found`, or copies something stale that the context "
        "happened to contain."
    )
    bad = (
        "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o server ./cmd/server\n"
        'FROM gcr.io/distroless/static\nCOPY --from=build /app/server /server\nENTRYPOINT ["/server"]\n'
    )
    good = (
        "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o server ./cmd/server\n"
        'FROM gcr.io/distroless/static\nCOPY --from=build /src/server /server\nENTRYPOINT ["/server"]\n'
    )
    fix_title = "Copy from where the stage writes its output"
    notes = (
        "Two kinds of evidence are used, never a guess: a file the stage writes with an output flag (`go build "
        "-o`, `dotnet publish -o`, `--out-dir`...) under the same name at another path, when nothing else in "
        "the stage (WORKDIR, COPY, mkdir, cp, mv) makes the copied path; and a JavaScript build run through "
        "`npm/yarn/pnpm run build` whose package.json script (read from the analysed folder) uses Vite, "
        "react-scripts, the Vue CLI or Parcel with their default output folder, when the copied path is "
        "another build folder (build/, dist/, out/)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        copies = [i for i in instructions_of(document, "COPY") if i.flag("from") is not None]
        if not copies:
            return
        files = _Lazy(context)
        read: dict[int, _Built] = {}
        for copy in copies:
            stage = _source_stage(document, copy)
            if stage is None:
                continue
            paths = copy_paths(copy)
            if paths is None:
                continue
            for word in paths.sources:
                expansion = copy.expand(word.value)
                if expansion.undefined or any(c in expansion.value for c in "*?[$"):
                    continue
                if stage.index not in read:
                    read[stage.index] = _built(stage, files) if _evidence_possible(document, stage) else _Built()
                value = expansion.value
                source = normalize(value, "/" if value.startswith("/") else workdir_at(copy) or "/")
                message = _not_built(stage, read[stage.index], source)
                if message is not None:
                    yield self.finding(
                        word.span, Message("{message}: the COPY fails or copies something stale", message=message)
                    )


class _Lazy(Mapping[str, str]):
    """The analysis' folder, looked at only when a JavaScript build makes its package.json matter."""

    def __init__(self, context: LintContext) -> None:
        self._context = context
        self._files: Mapping[str, str] | None = None
        self._asked = False

    def folder(self) -> Mapping[str, str] | None:
        if not self._asked:
            self._files, self._asked = context_files(self._context), True
        return self._files

    def __getitem__(self, key: str) -> str:
        folder = self.folder()
        if folder is None:
            raise KeyError(key)
        return folder[key]

    def __iter__(self) -> Iterator[str]:
        folder = self.folder()
        return iter(folder) if folder is not None else iter(())

    def __len__(self) -> int:
        folder = self.folder()
        return len(folder) if folder is not None else 0


@dataclass
class _Built:
    """What a stage makes, as far as its instructions say. Its copies are placed only when a path must be
    looked up among them (most stages give no evidence, and placing copies costs more than reading RUNs)."""

    outputs: list[tuple[str, str]] = field(default_factory=list)  # (path, how)
    scripts: list[tuple[str, str]] = field(default_factory=list)  # (working directory, JavaScript build tool)
    made: list[str] = field(default_factory=list)  # paths with all they hold (a folder, an output)
    exact: list[str] = field(default_factory=list)  # paths, nothing known below them (a WORKDIR, a file)
    copies: list[tuple[Instruction, str]] = field(default_factory=list)  # (COPY or ADD, its working directory)
    placed: bool = False
    unknown: bool = False  # a copy that cannot be placed may make anything

    def place(self) -> None:
        if self.placed:
            return
        self.placed = True
        for instruction, cwd in self.copies:
            paths = copy_paths(instruction)
            destination = paths.absolute_destination(cwd) if paths is not None else None
            if destination is None or paths is None:
                self.unknown = True
                return
            for word in paths.sources:
                name = instruction.expand(word.value).value
                if posixpath.splitext(name.rstrip("/"))[1] and not name.endswith("/"):
                    into = paths.destination is not None and paths.destination.value.endswith(("/", "."))
                    self.exact.append(posixpath.join(destination, posixpath.basename(name)) if into else destination)
                else:
                    self.made.append(destination)  # a folder, or the whole context: anything may be in it


_JS_PROGRAMS = ("npm", "yarn", "pnpm", *_JS_TOOLS)
_OUTPUT_TEXT = re.compile(r"\s(?:-o|--out|--dest|--dist)")


def _evidence_possible(document: Dockerfile, stage: Stage) -> bool:
    """A cheap first look: does the stage run a JavaScript build, or a command with an output flag? Without
    either there is nothing to compare a copied path with, and reading the stage costs more."""
    lineage = {s.index for s in stage.lineage}
    index = document.run_commands_by_program
    if any(i.stage is not None and i.stage.index in lineage for p in _JS_PROGRAMS for i, _ in index.get(p, ())):
        return True
    return any(
        instruction.keyword == "RUN" and _OUTPUT_TEXT.search(instruction.arguments)
        for instruction in lineage_instructions(stage)
    )


def _built(stage: Stage, files: Mapping[str, str] | None) -> _Built:
    built = _Built()
    cwd = "/"  # the working directory, followed through the lineage (oldest first)
    for instruction in lineage_instructions(stage):
        keyword = instruction.keyword
        if keyword == "WORKDIR" and instruction.words:
            cwd = normalize(instruction.expand(instruction.words[0].value).value, cwd)
            built.exact.append(cwd)
        elif keyword in ("COPY", "ADD"):
            built.copies.append((instruction, cwd))
        elif keyword == "RUN":
            _read_run(instruction, cwd, built.made, built.outputs, built.scripts, files)
    return built


def _not_built(stage: Stage, built: _Built, source: str) -> str | None:
    name = posixpath.basename(source)
    elsewhere = [(path, how) for path, how in built.outputs if path != source and posixpath.basename(path) == name]
    if not elsewhere and not built.scripts:
        return None  # no evidence about this path either way
    built.place()
    made = built.made
    if built.unknown:
        return None
    if any(is_within(source, path) for path in made) or any(is_within(path, source) for path in made + built.exact):
        return _js_output(stage, source, built.scripts)
    if source in built.exact or not elsewhere:
        return None
    path, how = elsewhere[0]
    return Message(
        "`{value}` writes {name} at {path} ({how}), not at {source}",
        value=stage.name or stage.index,
        name=name,
        path=path,
        how=how,
        source=source,
    )


def _read_run(
    instruction: Instruction,
    cwd: str,
    made: list[str],
    outputs: list[tuple[str, str]],
    scripts: list[tuple[str, str]],
    files: Mapping[str, str] | None,
) -> None:
    for _, command in commands_of(instruction):
        program = command.program
        if program == "cd":
            target = next(iter(operands(command.args)), None)
            cwd = normalize(target.value, cwd) if target is not None and target.literal else cwd
            continue
        values = [a.value for a in command.args if a.literal]
        if any(v.startswith(("-o", "--o", "--d")) for v in values):  # most commands name no output
            for path, how in _outputs(program, values, cwd):
                outputs.append((path, how))
                made.append(path)
        mode = _CREATING.get(program)
        if mode is not None:
            targets = [v for v in operands(command.args) if v.literal]
            for target in targets if mode == "all" else targets[-1:]:
                made.append(normalize(target.value, cwd))
        tool = _js_build(program, values, files)
        if tool is not None:
            scripts.append((cwd, tool))


def _outputs(program: str, values: list[str], cwd: str) -> Iterator[tuple[str, str]]:
    """The paths a command writes through an output flag, with how a message shows it (`go build -o server`)."""
    for index, value in enumerate(values):
        for flag in _OUTPUT_FLAGS:
            given = value[len(flag) + 1 :] if value.startswith(flag + "=") else None
            if value == flag and index + 1 < len(values):
                given = values[index + 1]
            if given and "$" not in given:
                verb = next((v for v in values[:index] if not v.startswith("-")), "")
                shown = " ".join(w for w in (program, verb, flag, given) if w)
                yield normalize(given, cwd), f"`{shown}`"


def _js_build(program: str, values: list[str], files: Mapping[str, str] | None) -> str | None:
    """The tool `npm run build` (or `vite build`...) runs with its default output, when the folder tells."""
    if program in _JS_TOOLS and "build" in values:
        return program if not any(v.split("=", 1)[0] in _JS_TOOLS[program][1] for v in values) else None
    if not _BUILD_SCRIPT.match(program) or files is None:
        return None
    if isinstance(files, _Lazy):
        files = files.folder()
        if files is None:
            return None
    words = [v for v in values if not v.startswith("-")]
    if words[:2] != ["run", "build"] and words[:1] != ["build"]:
        return None
    try:
        package = json.loads(read_file(files, "package.json") or "null")
    except ValueError:
        return None
    script = package.get("scripts", {}).get("build") if isinstance(package, dict) else None
    if not isinstance(script, str):
        return None
    for tool, (_, moving_flags, configs) in _JS_TOOLS.items():
        if re.search(rf"(^|[\s&;]){re.escape(tool)}(\s+build|\s|$)", script):
            if any(flag in script for flag in moving_flags):
                return None
            if any(_moves_output(read_file(files, config)) for config in configs):
                return None
            return tool
    return None


def _moves_output(config: str | None) -> bool:
    return config is not None and any(word in config for word in ("outDir", "outputDir", "distDir", "dist-dir"))


def _js_output(stage: Stage, source: str, scripts: list[tuple[str, str]]) -> str | None:
    """When a JavaScript build wrote its default folder and the copy names another build folder beside it."""
    for cwd, tool in scripts:
        expected = _JS_TOOLS[tool][0]
        if not is_within(source, cwd) or source == cwd:
            continue
        top = posixpath.relpath(source, cwd).split("/", 1)[0]
        if top in _OUTPUT_FOLDERS and top != expected and not _copied_in(stage, posixpath.join(cwd, top)):
            return Message(
                "{tool} writes {expected}/ in `{value}`, not {top}/",
                tool=tool,
                expected=expected,
                value=stage.name or stage.index,
                top=top,
            )
    return None


def _copied_in(stage: Stage, folder: str) -> bool:
    """Whether a COPY names that folder itself (a build output kept in the repository: `COPY build/ build/`)."""
    name = posixpath.basename(folder)
    for instruction in lineage_instructions(stage):
        if instruction.keyword in ("COPY", "ADD"):
            paths = copy_paths(instruction)
            if paths is not None and any(
                posixpath.basename(posixpath.normpath(w.value)) == name for w in paths.sources
            ):
                return True
    return False


def _source_stage(document: Dockerfile, copy: Instruction) -> Stage | None:
    """The stage of this file a `COPY --from` names, by name or by index."""
    flag = copy.flag("from")
    if flag is None or not flag.value:
        return None
    value = flag.value
    if value.isdigit() and len(value) < 6:
        index = int(value)
        return document.stages[index] if index < len(document.stages) else None
    return document.stage_named(value)
