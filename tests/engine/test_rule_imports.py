"""Rules share one vocabulary, the query layer beside the parser: a Dockerfile rule imports the model, the queries
and the rule base, and no module imports a rule module (a table or helper two rules need belongs in
dockwright.dockerfile.queries)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dockwright.rules

RULES = Path(dockwright.rules.__file__).parent


def _modules(kind: str) -> list[Path]:
    return sorted(p for p in (RULES / kind).glob("*.py") if p.name != "__init__.py")


def _rule_modules(kind: str) -> list[Path]:
    return [p for p in _modules(kind) if not p.name.startswith("_")]


def _name(path: Path) -> str:
    return f"dockwright.rules.{path.parent.name}.{path.stem}"


def _imported(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth of its code: ``from a.b import c`` counts as ``a.b`` and
    ``a.b.c`` (c may be a module), relative imports resolved against the rule's package."""
    package = f"dockwright.rules.{path.parent.name}"
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("path", _rule_modules("dockerfile"), ids=lambda p: p.stem)
def test_a_dockerfile_rule_imports_only_the_rule_base_from_the_rules(path: Path) -> None:
    from_rules = {m for m in _imported(path) if m.startswith("dockwright.rules.")}
    assert from_rules <= {"dockwright.rules.base", "dockwright.rules.base.Rule", "dockwright.rules.base.register"}


def test_the_dockerfile_rules_have_no_private_helper_modules() -> None:
    assert [p.name for p in _modules("dockerfile") if p.name.startswith("_")] == []


def test_no_module_under_rules_imports_a_rule_module() -> None:
    rule_modules = {_name(p) for kind in ("dockerfile", "compose") for p in _rule_modules(kind)}
    importers = {_name(p): p for kind in ("dockerfile", "compose") for p in _modules(kind)}
    found = {name: sorted(_imported(path) & rule_modules) for name, path in importers.items()}
    assert {name: imports for name, imports in found.items() if imports} == {}


def test_the_check_catches_an_import_from_another_rule(tmp_path: Path) -> None:
    rule = tmp_path / "dockerfile" / "df999_example.py"
    rule.parent.mkdir()
    rule.write_text(
        "from dockwright.rules.dockerfile.df032_undefined_arg_in_from import undeclared_in_from\n"
        "from . import df033_invalid_default_arg_in_from\n"
        "def f():\n    from dockwright.rules.dockerfile import df064_yum_without_yes\n"
    )
    imported = _imported(rule)
    assert {
        "dockwright.rules.dockerfile.df032_undefined_arg_in_from",
        "dockwright.rules.dockerfile.df033_invalid_default_arg_in_from",
        "dockwright.rules.dockerfile.df064_yum_without_yes",
    } <= imported
