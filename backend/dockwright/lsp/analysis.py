"""One analysis of one version of an editor document, run in a worker thread."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from dockwright.config import LintConfig
from dockwright.errors import InputError
from dockwright.findings import Finding
from dockwright.i18n import ENGLISH, localize
from dockwright.lint import lint
from dockwright.lsp.positions import split_lines

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Request:
    """What an analysis needs, taken from the editor's state when it is started."""

    uri: str
    version: int | None
    text: str
    kind: str
    filename: str | None
    config: LintConfig = field(default_factory=LintConfig)
    files: Mapping[str, str] = field(default_factory=dict)
    # The language of messages and rule texts (the editor's `lang` setting).
    lang: str = ENGLISH


@dataclass(frozen=True)
class Analysis:
    """The findings and the parsed model of ``text`` (the document at ``version``)."""

    uri: str
    version: int | None
    text: str
    kind: str
    findings: list[Finding]
    document: Any = None  # the engine's parsed model; None when the text could not be analysed
    config: LintConfig = field(default_factory=LintConfig)
    lang: str = ENGLISH

    @property
    def lines(self) -> list[str]:
        return split_lines(self.text)


def analyse(request: Request) -> Analysis:
    """Lint the request's text; within the engine's budget, so that no input holds a worker for long.

    Text the engine refuses (an empty or binary file) has no findings; an engine failure is logged and has
    none either, so one broken file never takes the server down."""
    findings: list[Finding] = []
    document = None
    try:
        result = lint(
            request.text, kind=request.kind, filename=request.filename, config=request.config, files=request.files
        )
        findings = [localize(finding, request.lang) for finding in result.findings]
        document = result.document
    except InputError:
        pass
    except Exception:
        logger.exception("analysis of %s failed", request.uri)
    return Analysis(
        request.uri, request.version, request.text, request.kind, findings, document, request.config, request.lang
    )
