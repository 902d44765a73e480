"""Keeps the engine's gettext catalogues complete: every rule text and finding template, in every language.

    python -m dockwright.i18n.catalogue update    # add new source texts to each .po, drop gone ones, compile .mo
    python -m dockwright.i18n.catalogue check     # what is missing or wrong (the test suite asks the same)
    python -m dockwright.i18n.catalogue compile PO...   # compile another catalogue (the server's) the same way

The source texts are every rule's title, rationale, fix title, notes and options' descriptions (read from the
registry) and the templates of every ``Message(...)`` in the engine, errors and table words included (read from
the source, so a template only built on a rare path is not missed). The ``.mo`` files are compiled here with
Babel, in Python, and committed beside their ``.po`` (as Django does), so that neither a fresh machine nor
``pip install .`` needs GNU gettext; ``check`` fails when a ``.mo`` is not the compilation of its ``.po``.
"""

from __future__ import annotations

import ast
import io
import string
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from dockwright.i18n import _LOCALE_NAMES, DOMAIN, LOCALE_DIR, RULE_TEXTS

PACKAGE = Path(__file__).resolve().parents[1]


def rule_sources() -> Iterator[tuple[str, str]]:
    """(text, where) for every rule's translatable texts."""
    from dockwright.rules import load_all, registry

    load_all()
    for rule in registry:
        for name in RULE_TEXTS:
            yield getattr(rule, name), f"{rule.id}.{name}"
        if rule.notes:
            yield rule.notes, f"{rule.id}.notes"
        for option in rule.options:
            yield option.description, f"{rule.id}.options.{option.name}"


def template_sources(root: Path = PACKAGE) -> tuple[list[tuple[str, str]], list[str]]:
    """(template, file:line) of every ``Message("...")`` under ``root``, and the calls whose template is not a
    literal string (an f-string or a variable cannot be looked up in a catalogue)."""
    found: list[tuple[str, str]] = []
    not_literal: list[str] = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Message"):
                continue
            where = f"{path.relative_to(root.parent)}:{node.lineno}"
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((first.value, where))
            elif isinstance(first, ast.Name) and first.id == "VERBATIM":
                continue
            elif isinstance(first, ast.Attribute) and first.attr == "template":
                continue  # a message made again from another's template (with shortened fields)
            elif path.parent != Path(__file__).resolve().parent:
                not_literal.append(where)
    return found, not_literal


def source_catalog() -> Catalog:
    catalog = Catalog(domain=DOMAIN, project="Dockwright", fuzzy=False)
    templates, _ = template_sources()
    for text, where in [*rule_sources(), *templates]:
        path, _, line = where.partition(":")
        existing = catalog.get(text)
        location = (path, int(line)) if line else (where, 0)
        if existing is None:
            catalog.add(text, locations=[location], flags=("python-brace-format",) if line else ())
        else:
            existing.locations.append(location)
    return catalog


def po_path(lang: str) -> Path:
    return LOCALE_DIR / _LOCALE_NAMES[lang] / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=_LOCALE_NAMES[lang], domain=DOMAIN, project="Dockwright", fuzzy=False)
    with path.open("rb") as f:
        return read_po(f, locale=_LOCALE_NAMES[lang], domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def write(lang: str, catalog: Catalog) -> None:
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=120, omit_header=False, sort_output=False, ignore_obsolete=True)
    path.write_bytes(buffer.getvalue())
    path.with_suffix(".mo").write_bytes(compiled(read(lang)))


def update(lang: str) -> None:
    """The language's catalogue with every source text (translations kept, texts no rule uses dropped)."""
    catalog = read(lang)
    source = source_catalog()
    # The header keeps its dates, so that an update that changes no text changes no file.
    source.creation_date = catalog.creation_date
    catalog.update(source, no_fuzzy_matching=True)
    catalog.revision_date = catalog.creation_date
    catalog.last_translator = "Dockwright <dockwright@users.noreply.github.com>"
    catalog.language_team = "Chinese (Simplified)"
    catalog.copyright_holder = "the Dockwright authors"
    # Babel keeps dropped texts as obsolete entries; a catalogue of texts nobody uses only misleads.
    catalog.obsolete.clear()
    write(lang, catalog)


def fields(template: str) -> list[str]:
    """The replacement fields of a template as written (``{name!r}``, ``{count:,}``), sorted."""
    return sorted(
        f"{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}"
        for _, name, spec, conversion in string.Formatter().parse(template)
        if name is not None
    )


def problems(lang: str) -> list[str]:
    """Everything that keeps ``lang`` from being complete and correct."""
    found: list[str] = []
    templates, not_literal = template_sources()
    found += [f"{where}: the template of a Message must be a literal string" for where in not_literal]
    catalog = read(lang)
    template_ids = {text for text, _ in templates}
    for source in source_catalog():
        if not source.id:
            continue
        where = ", ".join(f"{p}:{n}" if n else p for p, n in source.locations)
        entry = catalog.get(source.id)
        if entry is None or not entry.string or entry.fuzzy:
            found.append(f"{where}: no {lang} translation of {source.id!r}")
        elif source.id in template_ids and fields(source.id) != fields(str(entry.string)):
            found.append(f"{where}: the {lang} translation of {source.id!r} has other fields than the source")
    mo = po_path(lang).with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(catalog):
        found.append(f"{mo.relative_to(PACKAGE.parent)} is not the compilation of its .po: run the update")
    return found


def compile_po(path: Path) -> None:
    """Compile another catalogue (the server's django.po) to the .mo beside it, the same way."""
    with path.open("rb") as f:
        catalog = read_po(f)
    path.with_suffix(".mo").write_bytes(compiled(catalog))


def po_problems(path: Path) -> list[str]:
    """What is untranslated or fuzzy in another catalogue, and whether its .mo is its compilation."""
    with path.open("rb") as f:
        catalog = read_po(f)
    found = [f"{path.name}: no translation of {m.id!r}" for m in catalog if m.id and (not m.string or m.fuzzy)]
    mo = path.with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != compiled(catalog):
        found.append(f"{mo} is not the compilation of its .po")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "compile" and len(argv) > 1:
        for path in argv[1:]:
            compile_po(Path(path))
        return 0
    languages = [lang for lang in _LOCALE_NAMES]
    if command == "update":
        for lang in languages:
            update(lang)
        return 0
    if command == "check":
        found = [p for lang in languages for p in problems(lang)]
        print("\n".join(found) or "complete")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
