"""Code actions: each finding's fix as a quick fix (the safe ones preferred), "ignore this rule here" and
"ignore this rule in this file", and all safe fixes at once (``source.fixAll``)."""

from __future__ import annotations

from collections.abc import Sequence

from lsprotocol import types

from dockwright.findings import Edit, Finding, Span
from dockwright.fixes import apply_fixes
from dockwright.lsp.analysis import Analysis
from dockwright.lsp.diagnostics import shellcheck_code, to_diagnostic
from dockwright.lsp.positions import overlaps, to_range
from dockwright.lsp.pragma_edits import ignore_here, ignore_in_file

FIX_ALL = types.CodeActionKind.SourceFixAll.value + ".dockwright"


def code_actions(
    analysis: Analysis,
    first: tuple[int, int],
    last: tuple[int, int],
    *,
    base_url: str,
    encoding: str,
    versioned: bool,
    only: Sequence[str] | None = None,
) -> list[types.CodeAction]:
    """The actions for the findings of ``analysis`` that meet the engine range ``first``..``last``."""
    builder = _Builder(analysis, base_url, encoding, versioned)
    findings = [f for f in analysis.findings if overlaps(f.span, first, last)]
    actions = [action for finding in findings for action in builder.fix(finding)]
    seen: set[tuple[str, int, int]] = set()
    for finding in findings:
        actions.extend(builder.ignores(finding, seen))
    actions.extend(builder.fix_all())
    if only:
        actions = [a for a in actions if any(a.kind == kind or (a.kind or "").startswith(kind + ".") for kind in only)]
    return actions


class _Builder:
    def __init__(self, analysis: Analysis, base_url: str, encoding: str, versioned: bool) -> None:
        self.analysis = analysis
        self.lines = analysis.lines
        self.base_url = base_url
        self.encoding = encoding
        self.versioned = versioned

    def fix(self, finding: Finding) -> list[types.CodeAction]:
        fix = finding.fix
        if fix is None or not fix.edits:
            return []
        return [
            types.CodeAction(
                title=fix.title,
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[self._diagnostic(finding)],
                is_preferred=fix.safe,
                edit=self._edit(list(fix.edits)),
            )
        ]

    def ignores(self, finding: Finding, seen: set[tuple[str, int, int]]) -> list[types.CodeAction]:
        """Ignore the finding's rule (its ShellCheck code for ShellCheck's findings) here, and in the file."""
        name = shellcheck_code(finding) or finding.rule
        analysis = self.analysis
        actions = []
        here = ignore_here(analysis.kind, analysis.document, self.lines, finding, name)
        where = "for this instruction" if analysis.kind == "dockerfile" else "on this line"
        if here is not None and (name, here.span.start_line, 0) not in seen:
            seen.add((name, here.span.start_line, 0))
            actions.append(self._ignore(f"Ignore {name} {where}", finding, here))
        if (name, 0, 1) not in seen:
            seen.add((name, 0, 1))
            whole = ignore_in_file(analysis.kind, analysis.document, self.lines, name)
            actions.append(self._ignore(f"Ignore {name} in this file", finding, whole))
        return actions

    def fix_all(self) -> list[types.CodeAction]:
        text = self.analysis.text
        fixed, applied = apply_fixes(text, self.analysis.findings, safe_only=True)
        if not applied:
            return []
        whole = Edit(Span(1, 1, len(self.lines), len(self.lines[-1]) + 1), fixed)
        return [types.CodeAction(title="Apply all safe Dockwright fixes", kind=FIX_ALL, edit=self._edit([whole]))]

    def _ignore(self, title: str, finding: Finding, edit: Edit) -> types.CodeAction:
        return types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[self._diagnostic(finding)],
            edit=self._edit([edit]),
        )

    def _diagnostic(self, finding: Finding) -> types.Diagnostic:
        return to_diagnostic(finding, self.lines, self.base_url, self.encoding)

    def _edit(self, edits: list[Edit]) -> types.WorkspaceEdit:
        text_edits = [
            types.TextEdit(range=to_range(self.lines, edit.span, self.encoding), new_text=edit.replacement)
            for edit in edits
        ]
        uri = self.analysis.uri
        if not self.versioned:
            return types.WorkspaceEdit(changes={uri: text_edits})
        # A client applying a versioned edit refuses it once the document has moved on.
        document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=self.analysis.version)
        document_edits: list[types.TextEdit | types.AnnotatedTextEdit | types.SnippetTextEdit] = list(text_edits)
        change = types.TextDocumentEdit(text_document=document, edits=document_edits)
        return types.WorkspaceEdit(document_changes=[change])
