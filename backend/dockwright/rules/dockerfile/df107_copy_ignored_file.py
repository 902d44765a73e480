from __future__ import annotations

import posixpath
from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.dockerignore import excluding_pattern, parse_dockerignore
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# Patterns that exclude every entry of the context's root, which BuildKit reports for `COPY . .`.
_EVERYTHING = ("*", "**", "**/*")


@register
class CopyIgnoredFile(Rule):
    id = "DF107"
    slug = "copy-ignored-file"
    severity = Severity.WARNING
    title = "COPY or ADD names a file that .dockerignore excludes"
    rationale = (
        "Files excluded by .dockerignore are not sent to the builder: the COPY fails, or copies less than "
        "it seems to, and the Dockerfile and the ignore file contradict each other."
    )
    bad = "FROM node:20-slim\nWORKDIR /app\nCOPY .env ./\n"
    good = "FROM node:20-slim\nWORKDIR /app\nCOPY package.json ./\n"
    fix_title = "Remove the source from the COPY, or stop ignoring it in .dockerignore"
    example_files: ClassVar[dict[str, str]] = {".dockerignore": ".env\n"}
    equivalents = {"buildkit": "CopyIgnoredFile"}
    notes = (
        "Needs the .dockerignore among the analysed files (`<Dockerfile>.dockerignore` wins over "
        "`.dockerignore`, as in BuildKit). Wildcard sources are not expanded. The context's root (`COPY . .`) "
        "counts as excluded only by `*`, `**` or `**/*`, as in BuildKit. BuildKit checks nothing when the "
        "file has a `!` exception; Dockwright follows the exceptions instead (a re-included file is not "
        "reported)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        ignore_file, content = _ignore_file(context)
        if content is None:
            return
        patterns = parse_dockerignore(content)
        if not patterns:
            return
        for instruction in instructions_of(document, "COPY", "ADD"):
            if instruction.flag("from") is not None:
                continue
            if instruction.is_exec_form:
                continue
            for word in instruction.words[:-1]:
                source = instruction.expand(word.value).value
                if not source or source.startswith("<<") or "://" in source or any(c in source for c in "*?["):
                    continue
                if posixpath.normpath(source.lstrip("/")) in (".", ""):
                    # The context's root is excluded only by a pattern that excludes every entry of it, and no
                    # exception that brings one back.
                    everything = [p for p in patterns if p.text in _EVERYTHING and not p.negated]
                    pattern = everything[0] if everything and not any(p.negated for p in patterns) else None
                    source = "."
                else:
                    pattern = excluding_pattern(patterns, source)
                if pattern is not None:
                    yield self.finding(
                        word.span,
                        Message(
                            "`{source}` is excluded by `{pattern}` ({ignore_file} line {line})",
                            source=source,
                            pattern=pattern.text,
                            ignore_file=ignore_file,
                            line=pattern.line,
                        ),
                    )


def _ignore_file(context: LintContext) -> tuple[str, str | None]:
    if context.filename:
        specific = posixpath.basename(context.filename.replace("\\", "/")) + ".dockerignore"
        if specific in context.files:
            return specific, context.files[specific]
    return ".dockerignore", context.files.get(".dockerignore")
