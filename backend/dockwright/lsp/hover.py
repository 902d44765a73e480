"""Hovers: what a finding's rule is about, a base image's end of life, a variable's value and where it was set."""

from __future__ import annotations

import datetime as dt

from dockwright.compose.model import ComposeFile
from dockwright.data.eol import releases_in_tag
from dockwright.dockerfile.image import ImageRef, parse_image
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.variables import UNKNOWN
from dockwright.findings import Finding, Span
from dockwright.i18n import ENGLISH, Message, render, rule_texts
from dockwright.lsp import compose_lookup, dockerfile_lookup
from dockwright.lsp.analysis import Analysis
from dockwright.lsp.diagnostics import SHELLCHECK_WIKI, rule_url, shellcheck_code
from dockwright.lsp.positions import contains
from dockwright.rules import registry

_MAX_VALUE_CHARS = 200


def hover(analysis: Analysis, line: int, column: int, base_url: str) -> tuple[str, Span] | None:
    """Markdown for the position and the span it is about, or None when there is nothing to say."""
    sections: list[str] = []
    spans: list[Span] = []
    for finding in analysis.findings:
        if contains(finding.span, line, column):
            sections.append(finding_markdown(finding, base_url, analysis.lang))
            spans.append(finding.span)
    document = analysis.document
    today = analysis.config.today or dt.date.today()
    about: tuple[str, Span] | None = None
    if isinstance(document, Dockerfile):
        about = _dockerfile(document, analysis.lines, line, column, today)
    elif isinstance(document, ComposeFile):
        about = _compose(document, line, column, today)
    if about is not None:
        sections.append(about[0])
        spans.append(about[1])
    if not sections:
        return None
    return "\n\n---\n\n".join(sections), min(
        spans, key=lambda s: (s.end_line - s.start_line, s.end_column - s.start_column)
    )


def finding_markdown(finding: Finding, base_url: str, lang: str = ENGLISH) -> str:
    """The finding (its message and fix title already in ``lang``) with its rule's texts in ``lang``."""
    rule = registry.get(finding.rule)
    links = [f"[{finding.rule}]({rule_url(base_url, finding.rule)})"]
    code = shellcheck_code(finding)
    if code:
        links.append(f"[{code}]({SHELLCHECK_WIKI}{code})")
    if rule is None:
        return f"**{finding.rule}**: {finding.message}\n\n" + " · ".join(links)
    texts = rule_texts(rule, lang)
    why, fix = render(Message("Why:"), lang), render(Message("Fix:"), lang)
    return (
        f"**{texts['title']}** ({finding.rule}, {finding.severity.value})\n\n"
        f"{finding.message}\n\n"
        f"*{why}* {texts['rationale']}\n\n"
        f"*{fix}* {finding.fix.title if finding.fix else texts['fix_title']}\n\n" + " · ".join(links)
    )


def _dockerfile(
    document: Dockerfile, lines: list[str], line: int, column: int, today: dt.date
) -> tuple[str, Span] | None:
    instruction = dockerfile_lookup.instruction_at(document, line)
    if instruction is None:
        return None
    variable = dockerfile_lookup.variable_at(lines, line, column)
    if variable is not None:
        return _variable(document, instruction, variable[0], lines), variable[1]
    reference = dockerfile_lookup.stage_reference_at(document, instruction, line, column)
    if reference is not None:
        stage, span = reference
        name = stage.name or str(stage.index)
        return f"Stage `{name}`: `FROM {_code(stage.image_text)}` (line {stage.from_instruction.line})", span
    image_stage = dockerfile_lookup.image_stage_at(document, instruction, line, column)
    if image_stage is None:
        return None
    if image_stage.image is None:
        unresolved = ", ".join(f"`{name}`" for name in image_stage.unresolved) or "a variable"
        message = f"`{_code(image_stage.image_text)}`: the image depends on {unresolved}, which has no value here"
        return message, image_stage.image_span
    return _image(image_stage.image, today), image_stage.image_span


def _compose(document: ComposeFile, line: int, column: int, today: dt.date) -> tuple[str, Span] | None:
    node = compose_lookup.image_at(document, line, column)
    if node is None or node.unresolved or not node.text.strip():
        return None
    return _image(parse_image(node.text), today), node.span


def _image(image: ImageRef, today: dt.date) -> str:
    title = f"**`{image.raw.strip()}`**"
    releases = releases_in_tag(image.name, image.tag) if image.is_official else []
    if not releases:
        return f"{title}\n\nNo end-of-life date is known for this image."
    rows = []
    for release in releases:
        state = "ended" if release.eol < today else f"{(release.eol - today).days} days left"
        rows.append(
            f"- {release.product} {release.release}: end of life {release.eol.isoformat()} ({state}); "
            f"[source]({release.source})"
        )
    return title + "\n\n" + "\n".join(rows)


def _variable(document: Dockerfile, instruction: Instruction, name: str, lines: list[str]) -> str:
    scope = instruction.scope
    value = scope.get(name)
    if name not in scope:
        state = "is not set by an ARG or ENV here (a shell or runtime variable, or undefined)"
    elif value is None:
        state = "is declared without a value (given by `--build-arg`, else empty)"
    elif value is UNKNOWN:
        state = "has a value over the analysis' limits"
    else:
        shown = value if len(value) <= _MAX_VALUE_CHARS else value[:_MAX_VALUE_CHARS] + "…"
        state = f"= `{_code(shown)}`"
    parts = [f"**`{name}`** {state}"]
    for found in dockerfile_lookup.definitions(document, instruction, name):
        where = found.instruction
        text = lines[where.line - 1].strip() if where.line <= len(lines) else where.keyword
        parts.append(f"Set by `{_code(text[:_MAX_VALUE_CHARS])}` (line {where.line})")
    return "\n\n".join(parts)


def _code(text: str) -> str:
    return text.replace("`", "'")
