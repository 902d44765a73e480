"""Findings as LSP diagnostics: exact ranges, severities, the rule (or ShellCheck code) and a link to its page."""

from __future__ import annotations

import re
from urllib.parse import quote

from lsprotocol import types

from dockwright.findings import Finding, Severity
from dockwright.lsp.positions import UTF16, to_range

SOURCE = "dockwright"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
    Severity.STYLE: types.DiagnosticSeverity.Hint,
}
SHELLCHECK_WIKI = "https://www.shellcheck.net/wiki/"
# The ShellCheck rule (DF100) starts each message with the code ShellCheck reported.
_SHELLCHECK_CODE = re.compile(r"^(SC\d{4}):")


def shellcheck_code(finding: Finding) -> str | None:
    """The ShellCheck code of a ShellCheck finding (``SC2086``), else None; a ``code`` field on the finding,
    when the engine has one, wins over the message's prefix."""
    code = getattr(finding, "code", None)
    if isinstance(code, str) and code:
        return code
    match = _SHELLCHECK_CODE.match(finding.message)
    return match.group(1) if match else None


def rule_url(base_url: str, rule_id: str) -> str:
    """The web app's page of a rule."""
    return f"{base_url.rstrip('/')}/rules/{quote(rule_id, safe='')}"


def code_url(base_url: str, finding: Finding) -> str:
    """Where a finding's code is explained: ShellCheck's wiki for its codes, else the rule's page."""
    code = shellcheck_code(finding)
    return SHELLCHECK_WIKI + code if code else rule_url(base_url, finding.rule)


def to_diagnostic(finding: Finding, lines: list[str], base_url: str, encoding: str = UTF16) -> types.Diagnostic:
    code = shellcheck_code(finding) or finding.rule
    return types.Diagnostic(
        range=to_range(lines, finding.span, encoding),
        severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Information),
        code=code,
        code_description=types.CodeDescription(href=code_url(base_url, finding)),
        source=SOURCE,
        message=finding.message,
        data={"rule": finding.rule},
    )
