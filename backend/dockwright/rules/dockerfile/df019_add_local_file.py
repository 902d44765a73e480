from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.paths import copy_paths
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# What ADD auto-extracts: tar archives, compressed or not (not zip).
ARCHIVE_SUFFIXES = (
    ".tar",
    ".z",
    ".bz2",
    ".gz",
    ".lz",
    ".lzma",
    ".tz",
    ".tb2",
    ".tbz",
    ".tbz2",
    ".tgz",
    ".tlz",
    ".tpz",
    ".txz",
    ".xz",
    ".zst",
    ".tzst",
)
_REMOTE = re.compile(r"^([a-z][a-z0-9+.-]*://|git@)", re.IGNORECASE)
# Flags only ADD understands; with them, COPY is not a drop-in replacement.
_ADD_ONLY_FLAGS = ("checksum", "keep-git-dir", "unpack")


@register
class AddLocalFile(Rule):
    id = "DF019"
    slug = "add-local-file"
    severity = Severity.WARNING
    title = "ADD used to copy local files"
    rationale = (
        "ADD does more than copy: it extracts local tar archives and fetches URLs. For plain files and "
        "directories COPY says what happens, and a file later renamed to `.tar.gz` will not be silently "
        "unpacked."
    )
    bad = "FROM python:3.12-slim\nADD app.py /app/\n"
    good = "FROM python:3.12-slim\nCOPY app.py /app/\n"
    fix_title = "Use COPY"
    equivalents = {"hadolint": "DL3020"}
    notes = (
        "As in hadolint, ADD of a URL (or a git address) or of a tar archive (which ADD extracts) is fine; a "
        "`.zip` is not extracted by ADD and is reported. Sources with unresolved variables are not judged. "
        "The fix (replacing ADD with COPY) is offered when no ADD-only flag is used."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "ADD"):
            if instruction.heredocs:
                continue
            paths = copy_paths(instruction)
            if paths is None:
                continue
            sources = [instruction.expand(w.value) for w in paths.sources]
            if any(s.undefined for s in sources):
                continue
            local = [s.value for s in sources if not _REMOTE.match(s.value) and not _is_archive(s.value)]
            if len(local) != len(sources):
                continue
            yield self.finding(
                instruction.keyword_span,
                Message(
                    "ADD copies local {value}: COPY does this without ADD's extras",
                    value=", ".join(f"`{s}`" for s in local),
                ),
                _copy_fix(instruction),
            )


def _is_archive(source: str) -> bool:
    return source.lower().endswith(ARCHIVE_SUFFIXES)


def _copy_fix(instruction: Instruction) -> Fix | None:
    if any(instruction.flag(name) for name in _ADD_ONLY_FLAGS):
        return None
    keyword = "copy" if instruction.keyword_text.islower() else "COPY"
    return Fix(Message("Replace ADD with COPY"), (Edit(instruction.keyword_span, keyword),), safe=True)
