"""Document symbols: a Dockerfile's global ARGs and stages with their instructions; a Compose file's services
and top-level resources (networks, volumes, secrets, configs) and its other top-level keys."""

from __future__ import annotations

from lsprotocol import types

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping, Node, Scalar
from dockwright.dockerfile.model import Dockerfile, Instruction, Stage
from dockwright.findings import Span
from dockwright.lsp.positions import to_range

_DETAIL_CHARS = 60
_INSTRUCTION_KINDS = {
    "ARG": types.SymbolKind.Variable,
    "ENV": types.SymbolKind.Variable,
    "LABEL": types.SymbolKind.Property,
    "EXPOSE": types.SymbolKind.Number,
    "FROM": types.SymbolKind.Module,
}
_SECTION_KINDS = {
    "services": types.SymbolKind.Class,
    "networks": types.SymbolKind.Interface,
    "volumes": types.SymbolKind.Struct,
    "secrets": types.SymbolKind.Key,
    "configs": types.SymbolKind.Object,
}


def document_symbols(document: object, lines: list[str], encoding: str) -> list[types.DocumentSymbol]:
    if isinstance(document, Dockerfile):
        return _Builder(lines, encoding).dockerfile(document)
    if isinstance(document, ComposeFile):
        return _Builder(lines, encoding).compose(document)
    return []


class _Builder:
    def __init__(self, lines: list[str], encoding: str) -> None:
        self.lines = lines
        self.encoding = encoding

    def symbol(
        self,
        name: str,
        kind: types.SymbolKind,
        span: Span,
        selection: Span,
        detail: str | None = None,
        children: list[types.DocumentSymbol] | None = None,
    ) -> types.DocumentSymbol:
        return types.DocumentSymbol(
            name=name or "(empty)",
            kind=kind,
            range=to_range(self.lines, span.cover(selection), self.encoding),
            selection_range=to_range(self.lines, selection, self.encoding),
            detail=detail,
            children=children,
        )

    # --- Dockerfile ----------------------------------------------------------------------------------------

    def dockerfile(self, document: Dockerfile) -> list[types.DocumentSymbol]:
        symbols = [self.instruction(instruction) for instruction in document.global_args]
        symbols.extend(self.stage(stage) for stage in document.stages)
        return symbols

    def stage(self, stage: Stage) -> types.DocumentSymbol:
        first = stage.from_instruction
        span = first.span
        for instruction in stage.instructions:
            span = span.cover(instruction.span)
        name = stage.name or f"stage {stage.index}"
        children = [self.instruction(i) for i in stage.instructions if i is not first]
        return self.symbol(
            name, types.SymbolKind.Class, span, stage.name_span or first.keyword_span, stage.image_text, children
        )

    def instruction(self, instruction: Instruction) -> types.DocumentSymbol:
        if instruction.keyword in ("ARG", "ENV") and instruction.pairs:
            name = " ".join(pair.key for pair in instruction.pairs)
        else:
            name = instruction.keyword
        detail = " ".join(instruction.arguments.split())
        if len(detail) > _DETAIL_CHARS:
            detail = detail[: _DETAIL_CHARS - 1] + "…"
        kind = _INSTRUCTION_KINDS.get(instruction.keyword, types.SymbolKind.Function)
        return self.symbol(name, kind, instruction.span, instruction.keyword_span, detail)

    # --- Compose -------------------------------------------------------------------------------------------

    def compose(self, document: ComposeFile) -> list[types.DocumentSymbol]:
        root = document.mapping
        if root is None:
            return []
        symbols = []
        for key, value in root.pairs:
            kind = _SECTION_KINDS.get(key.raw)
            children = None
            if kind is not None and isinstance(value, Mapping):
                children = [self.compose_entry(k, v, kind) for k, v in value.pairs]
            symbols.append(self.compose_entry(key, value, types.SymbolKind.Namespace if kind else None, children))
        return symbols

    def compose_entry(
        self,
        key: Scalar,
        value: Node,
        kind: types.SymbolKind | None,
        children: list[types.DocumentSymbol] | None = None,
    ) -> types.DocumentSymbol:
        detail = None
        if isinstance(value, Mapping) and isinstance(value.get("image"), Scalar):
            image = value.get("image")
            assert isinstance(image, Scalar)
            detail = image.text
        elif isinstance(value, Scalar):
            detail = value.text[:_DETAIL_CHARS]
        return self.symbol(
            key.text, kind or types.SymbolKind.Property, key.span.cover(value.span), key.span, detail, children
        )
