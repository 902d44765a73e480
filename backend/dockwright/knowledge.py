"""What a rule knew: the tables of facts a rule judges by, shown on its page so a reader can check them.

A rule names one of the builders below as its ``knows``; the catalogue's rule page renders the table. The rows
come from the data modules (`dockwright/data/`), each with the source it was checked against, so the page and the
rule can never disagree. The table's own words (its title, its columns, a cell such as "yes") are messages of the
engine's catalogue, given in the reader's language; the facts in the cells are shown as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from dockwright.data import eol, images
from dockwright.i18n import ENGLISH, Message, render


@dataclass(frozen=True)
class Knowledge:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Where the rows were checked, one per row (the same order), for links on the page.
    sources: tuple[str, ...]
    updated: str  # the date the table was last checked, ISO

    def as_dict(self, lang: str = ENGLISH) -> dict[str, object]:
        """The table as data, its own words in ``lang``."""
        return {
            "title": render(self.title, lang),
            "columns": [render(column, lang) for column in self.columns],
            "rows": [[render(cell, lang) if isinstance(cell, Message) else cell for cell in row] for row in self.rows],
            "sources": list(self.sources),
            "updated": self.updated,
        }


def release_lines() -> Knowledge:
    """The end-of-life dates of the release lines DF004 and DC034 judge."""
    releases = eol.all_releases()
    return Knowledge(
        Message("Release lines and their end of life"),
        (Message("product"), Message("release"), Message("end of life")),
        tuple((r.product, r.release, r.eol.isoformat()) for r in releases),
        tuple(r.source for r in releases),
        eol.TABLE_UPDATED.isoformat(),
    )


def _image_table(
    title: str, columns: tuple[str, ...], row: Callable[[images.CatalogueEntry], Iterable[tuple[str, ...]]]
) -> Knowledge:
    rows: list[tuple[str, ...]] = []
    sources: list[str] = []
    for entry in images.catalogue():
        for cells in row(entry):
            variant = " ".join(part for part in (entry.tag_words, entry.majors) if part) or Message("default")
            rows.append((entry.product, variant, *cells))
            sources.append(entry.facts.source)
    return Knowledge(
        title,
        (Message("image"), Message("variant"), *columns),
        tuple(rows),
        tuple(sources),
        images.TABLE_UPDATED.isoformat(),
    )


def _programs(programs: frozenset[str]) -> str:
    return ", ".join(sorted(programs)) or "-"


def programs_on_path() -> Knowledge:
    """Which programs each image variant has on its PATH, and which it is known to lack."""
    return _image_table(
        Message("Programs each image has on its PATH"),
        (Message("on PATH"), Message("not on PATH")),
        lambda e: [(_programs(e.facts.on_path), _programs(e.facts.not_on_path))],
    )


def default_users() -> Knowledge:
    return _image_table(
        Message("The user each image runs as"), (Message("user"),), lambda e: [(e.facts.server_user or e.facts.user,)]
    )


def data_directories() -> Knowledge:
    return _image_table(
        Message("Where each image keeps its data"),
        (Message("data directory"), Message("moved by")),
        lambda e: (
            [(", ".join(e.facts.data_dirs), e.facts.data_dir_variable or ", ".join(e.facts.data_dir_flags) or "-")]
            if e.facts.data_dirs
            else []
        ),
    )


def listening_ports() -> Knowledge:
    return _image_table(
        Message("The ports each image's server listens on"),
        (Message("port"), Message("purpose"), Message("administration")),
        lambda e: [(f"{p.number}/{p.protocol}", p.purpose, Message("yes") if p.admin else "") for p in e.facts.ports],
    )


def admin_interfaces() -> Knowledge:
    return _image_table(
        Message("Administration interfaces and what puts a login in front of them"),
        (Message("port"), Message("purpose"), Message("login settings")),
        lambda e: [
            (f"{p.number}/{p.protocol}", p.purpose, ", ".join((*e.facts.login_variables, *e.facts.login_flags)) or "-")
            for p in e.facts.admin_ports
        ],
    )


def default_logins() -> Knowledge:
    return _image_table(
        Message("Accounts images create when their variables are left unset"),
        (Message("user"), Message("password"), Message("set by")),
        lambda e: (
            [
                (
                    login.user,
                    login.password,
                    ", ".join(v for v in (login.user_variable, login.password_variable) if v),
                )
            ]
            if (login := e.facts.default_login) is not None
            else []
        ),
    )
