"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub, GitLab, Azure DevOps)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from dockwright import __version__
from dockwright.findings import Finding, Severity
from dockwright.i18n import ENGLISH, Message, render
from dockwright.rules import load_all, registry

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/dockwright/dockwright"
_LEVELS = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
    Severity.STYLE: "note",
    Severity.NONE: "none",
}


def sarif_log(results: Iterable[tuple[str, Finding]], lang: str = ENGLISH) -> dict[str, Any]:
    """A SARIF log of ``(file path, finding)`` pairs; every rule is listed in the driver, its texts in ``lang`` (the
    findings come in the language they are in)."""
    load_all()
    rules = list(registry)
    index = {rule.id: position for position, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dockwright",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(rule.metadata(lang), lang) for rule in rules],
                    }
                },
                "results": [_result(path, finding, index) for path, finding in results],
            }
        ],
    }


def _rule(meta: dict[str, Any], lang: str) -> dict[str, Any]:
    bad, good = render(Message("Bad:"), lang), render(Message("Good:"), lang)
    fix = render(Message("{fix_title}.", fix_title=meta["fix_title"]), lang)
    return {
        "id": meta["id"],
        "name": meta["slug"],
        "shortDescription": {"text": meta["title"]},
        "fullDescription": {"text": meta["rationale"]},
        "help": {
            "text": f"{fix}\n\n{bad}\n{meta['bad']}\n{good}\n{meta['good']}",
            "markdown": f"**{fix}**\n\n{bad}\n```\n{meta['bad']}```\n{good}\n```\n{meta['good']}```",
        },
        "defaultConfiguration": {
            "level": _LEVELS[Severity(meta["severity"])],
            "enabled": meta["enabled_by_default"],
        },
        "properties": {"tags": [meta["target"]], "equivalents": meta["equivalents"]},
    }


def _result(path: str, finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": PurePosixPath(path.replace("\\", "/")).as_posix()},
                    "region": {
                        "startLine": finding.span.start_line,
                        "startColumn": finding.span.start_column,
                        "endLine": finding.span.end_line,
                        "endColumn": finding.span.end_column,
                    },
                }
            }
        ],
        "properties": {"severity": finding.severity.value},
    }
    if finding.code is not None:
        # The rule's own sub-code (ShellCheck's SC2086) as a property: `ruleId` stays the id of the rule
        # descriptor that `ruleIndex` points at, which every consumer of code scanning understands.
        result["properties"]["code"] = finding.code
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.fix is not None and finding.fix.edits:
        result["fixes"] = [
            {
                "description": {"text": finding.fix.title},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": PurePosixPath(path.replace("\\", "/")).as_posix()},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": edit.span.start_line,
                                    "startColumn": edit.span.start_column,
                                    "endLine": edit.span.end_line,
                                    "endColumn": edit.span.end_column,
                                },
                                "insertedContent": {"text": edit.replacement},
                            }
                            for edit in finding.fix.edits
                        ],
                    }
                ],
            }
        ]
    return result
