from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Word
from dockwright.dockerfile.queries.paths import as_written, base_name
from dockwright.dockerfile.shell import ShellWord
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Archives ADD unpacks itself (local tar files, compressed or not). Zip files are not among them, so
# recommending ADD for those would be wrong: hadolint counts them, we do not.
TAR_SUFFIXES = (
    ".tar",
    ".tar.gz",
    ".tgz",
    ".tar.bz2",
    ".tbz2",
    ".tbz",
    ".tar.xz",
    ".txz",
    ".tar.zst",
    ".tar.lz",
    ".tar.lzma",
)
EXTRACTORS = ("tar",)


@register
class CopyThenExtract(Rule):
    id = "DF051"
    slug = "copy-then-extract"
    severity = Severity.INFO
    title = "A tar archive is copied in and then extracted by RUN"
    rationale = (
        "COPY of an archive followed by `tar -x` keeps the archive in a layer forever; `ADD` extracts a "
        "local tar archive directly, in one layer, without the archive."
    )
    bad = "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n"
    good = "FROM debian:12\nADD app.tar.gz /opt/\n"
    fix_title = "Use ADD to extract the archive"
    equivalents = {"hadolint": "DL3010"}
    notes = (
        "Only tar archives count: ADD does not extract zip files, so hadolint's advice is wrong for those. An "
        "archive copied to an archive name (`COPY app.tar /app.tar`) is known by its new name; Windows paths "
        "written with backslashes are read as written."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for stage in document.stages:
            copied: dict[str, Word] = {}
            for instruction in stage.instructions:
                if instruction.keyword == "COPY" and instruction.flag("from") is None and not instruction.heredocs:
                    words = instruction.words
                    destination = _name(words[-1]) if len(words) > 1 else ""
                    for word in words[:-1]:
                        name = _name(word)
                        if name.endswith(TAR_SUFFIXES):
                            copied[destination if destination.endswith(TAR_SUFFIXES) else name] = word
                elif instruction.keyword == "RUN" and instruction.shell is not None and copied:
                    for command in instruction.shell.commands_named(*EXTRACTORS):
                        if not _extracts(command.args):
                            continue
                        for arg in command.args:
                            archive = copied.pop(base_name(arg.value), None)
                            if archive is not None:
                                yield self.finding(
                                    archive.span,
                                    Message(
                                        "`{path}` is copied and then extracted at line "
                                        "{start_line}; ADD extracts it in one step",
                                        path=_path(archive),
                                        start_line=command.span.start_line,
                                    ),
                                )


def _path(word: Word) -> str:
    """The path a COPY word names (a Windows path written with backslashes read as written)."""
    return as_written(word) if "\\" in word.text else word.value


def _name(word: Word) -> str:
    return base_name(_path(word))


def _extracts(args: tuple[ShellWord, ...]) -> bool:
    for arg in args:
        value = arg.value
        if value in ("--extract", "--get"):
            return True
        if value.startswith("-") and not value.startswith("--") and "x" in value:
            return True
        if not value.startswith("-") and value.startswith("x") and arg is args[0]:
            return True  # old-style `tar xzf file`
    return False
