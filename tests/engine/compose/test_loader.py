"""Loading YAML with positions, anchors, merge keys and limits."""

import pytest

from dockwright.compose.loader import MAX_DEPTH, MAX_NODES, load
from dockwright.compose.nodes import Mapping, Scalar, Sequence
from dockwright.compose.parser import parse_compose


def test_keys_and_values_keep_their_positions() -> None:
    root = load("services:\n  web:\n    image: 'nginx:1.27'\n").root
    assert isinstance(root, Mapping)
    web = root.get("services").get("web")  # type: ignore[union-attr]
    key = web.key("image")
    value = web.get("image")
    assert (key.span.start_line, key.span.start_column, key.span.end_column) == (3, 5, 10)
    assert isinstance(value, Scalar)
    assert (value.span.start_column, value.span.end_column, value.raw, value.style) == (12, 24, "nginx:1.27", "'")


def test_merge_keys_inherit_pairs_and_own_keys_win() -> None:
    text = (
        "x-a: &a\n  image: a:1\n  restart: always\n"
        "x-b: &b\n  image: b:1\n  user: b\n"
        "s:\n  <<: [*a, *b]\n  restart: 'no'\n"
    )
    root = load(text).root
    merged = root.get("s")  # type: ignore[union-attr]
    assert isinstance(merged, Mapping)
    assert merged.keys() == ["restart", "image", "user"]
    assert merged.get("image").raw == "a:1"  # type: ignore[union-attr]
    assert merged.get("restart").raw == "no"  # type: ignore[union-attr]
    assert merged.key("user").span.start_line == 6  # type: ignore[union-attr]


def test_aliases_share_the_anchored_node() -> None:
    root = load("a: &x [1, 2]\nb: *x\n").root
    assert root.get("a") is root.get("b")  # type: ignore[union-attr]
    assert isinstance(root.get("b"), Sequence)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1", 1), ("0x1f", 31), ("1.5", 1.5), ("true", True), ("yes", "yes"), ("~", None), ("'1'", "1"), ("08", 8)],
)
def test_scalars_are_typed_like_yaml_1_2(raw: str, value: object) -> None:
    root = load(f"k: {raw}\n").root
    assert root.get("k").value == value  # type: ignore[union-attr]


def test_syntax_errors_point_at_the_problem() -> None:
    result = load("services:\n  web:\n    image: [nginx\n")
    assert result.root is None
    (problem,) = result.problems
    assert problem.span.start_line == 4 and not problem.limit


def test_limits_are_reported_not_raised() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(6)
    )
    result = load(bomb)
    assert result.root is None and result.problems[0].limit
    assert f"{MAX_NODES:,}" in result.problems[0].message
    deep = load("k: " + "[" * 10_000 + "]" * 10_000)
    assert deep.problems[0].limit and str(MAX_DEPTH) in deep.problems[0].message


def test_pragma_scope_covers_the_block_a_line_opens() -> None:
    from dockwright.pragmas import Pragma

    document = parse_compose(
        "services:\n  # c\n  web:\n    image: x:1\n    ports:\n      - '1:1'\n  db:\n    image: y\n"
    )
    assert document.pragma_scope(Pragma(2, frozenset(), False, False)) == (3, 6)
    assert document.pragma_scope(Pragma(4, frozenset(), False, True)) == (4, 4)
    assert document.pragma_scope(Pragma(8, frozenset(), False, False)) is None
