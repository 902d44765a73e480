"""dclint's comments silence findings in compose files as they do for dclint, with its rule names or ours."""

from __future__ import annotations

import pytest

from dockwright.lint import lint

CONFIG = {"today": "2026-11-28", "shellcheck": False, "enable": ["DC020"]}
# Two findings: `image` after `ports` (DC020, line 5) and a duplicate container name (DC010, line 9).
BODY = (
    "services:\n  web:\n    container_name: shop\n    ports: ['127.0.0.1:80:80']\n    image: nginx:1.29.3\n"
    "    restart: always\n  api:\n    image: example/api:1.0\n    container_name: shop\n"
)


def rules(text: str) -> list[tuple[str, int]]:
    found = lint(text, kind="compose", config=CONFIG).findings
    return sorted((f.rule, f.line) for f in found if f.rule in ("DC010", "DC020"))


def test_without_comments_both_are_reported() -> None:
    assert rules(BODY) == [("DC010", 9), ("DC020", 5)]


@pytest.mark.parametrize(
    ("first_line", "expected"),
    [
        ("# dclint disable-file\n", []),
        ("# dclint disable\n", []),
        ("# dclint disable service-keys-order\n", [("DC010", 10)]),
        ("# dclint disable no-duplicate-container-names service-keys-order\n", []),
        ("# dclint disable DC010\n", [("DC020", 6)]),
        ("---\n# dclint disable service-keys-order\n", [("DC010", 11)]),
    ],
)
def test_a_first_line_comment_disables_rules_in_the_whole_file(first_line: str, expected: list) -> None:
    assert rules(first_line + BODY) == expected


def test_disable_further_down_is_not_a_file_comment() -> None:
    text = BODY.replace("  api:\n", "  # dclint disable\n  api:\n")
    assert rules(text) == [("DC010", 10), ("DC020", 5)]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    image: nginx:1.29.3\n", "    image: nginx:1.29.3  # dclint disable-line\n", [("DC010", 9)]),
        (
            "    image: nginx:1.29.3\n",
            "    image: nginx:1.29.3  # dclint disable-line no-duplicate-container-names\n",
            [("DC010", 9), ("DC020", 5)],
        ),
        (
            "    image: nginx:1.29.3\n",
            "    # dclint disable-line service-keys-order\n    image: nginx:1.29.3\n",
            [("DC010", 10)],
        ),
        ("    image: nginx:1.29.3\n", "    # dclint disable-next-line\n    image: nginx:1.29.3\n", [("DC010", 10)]),
        (
            "    image: example/api:1.0\n",
            "    image: example/api:1.0\n    # dclint disable-next-line DC010\n",
            [("DC020", 5)],
        ),
    ],
)
def test_a_line_comment_disables_rules_on_one_line(old: str, new: str, expected: list) -> None:
    assert rules(BODY.replace(old, new, 1)) == expected


def test_the_next_line_comment_covers_one_line_only() -> None:
    # dclint's line comments name a line, not the block it opens.
    text = BODY.replace("  web:\n", "  # dclint disable-next-line\n  web:\n")
    assert rules(text) == [("DC010", 10), ("DC020", 6)]
