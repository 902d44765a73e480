from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.bundle import Subfolder
from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.errors import InputError
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.lint import lint
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._dockerfiles import built_dockerfile


@register
class DockerfileFindings(ComposeRule):
    id = "DC037"
    slug = "dockerfile-findings"
    severity = Severity.WARNING
    title = "The Dockerfile a service builds has findings"
    rationale = (
        "A service is only as sound as the image it builds; when the analysis includes the Dockerfile "
        "named by `build` (or the `dockerfile_inline` text), its findings belong to this review too."
    )
    bad = "services:\n  app:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM python:latest"
    good = (
        "services:\n  app:\n    build:\n      context: .\n      dockerfile_inline: |\n"
        "        FROM python:3.13-slim\n        USER 1000"
    )
    fix_title = "Fix the findings in the Dockerfile"
    notes = (
        "Each Dockerfile finding is reported once per service on the `build` line (or `dockerfile`/"
        "`dockerfile_inline`), under this rule's id, keeping the Dockerfile rule's severity and naming "
        "the Dockerfile path, line and rule: `app/Dockerfile:3:1: DF007 ...`. The lint configuration "
        "(ignore, severity) applies to the Dockerfile's own rules. The Dockerfile is found in the "
        "analysis files by `build.context` + `build.dockerfile`, relative to the compose file."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        cache: dict[str, list[Finding] | str] = {}
        for service in document.services:
            target = built_dockerfile(service, context)
            if target is None:
                continue
            path, node = target.path, target.node
            if path not in cache:
                cache[path] = _lint(path, target.content, context, target.context_dir)
            result = cache[path]
            if isinstance(result, str):
                yield Finding(self.id, Severity.INFO, Message("{path}: {error}", path=path, error=result), node.span)
                continue
            for finding in result:
                message = Message(
                    "{path}:{line}:{column}: {rule} {message}",
                    path=path,
                    line=finding.line,
                    column=finding.column,
                    rule=finding.rule,
                    message=finding.message,
                )
                yield Finding(self.id, finding.severity, message, node.span)


def _lint(path: str, content: str, context: LintContext, context_dir: str) -> list[Finding] | str:
    # The Dockerfile sees the files of its build context (its .dockerignore) relative to the context.
    files = Subfolder(context.files, context_dir, hidden=path)
    try:
        return lint(content, kind="dockerfile", filename=path, config=context.config, files=files).findings
    except InputError as exc:
        return Message("cannot be analysed: {error}", error=str(exc))
