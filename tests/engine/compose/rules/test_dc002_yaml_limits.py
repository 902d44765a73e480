from tests.engine.rule_table import rule_table

BOMB = 'x-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"x-{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(5)
)
DEEP = "x: " + "[" * 150 + "]" * 150 + "\n"
DEEP_BLOCK = "".join("  " * i + f"k{i}:\n" for i in range(120)) + "  " * 120 + "v: 1\n"
DEEP_BY_ALIAS = "x-a: &a " + "[" * 60 + "1" + "]" * 60 + "\nx-c: " + "[" * 50 + "*a" + "]" * 50 + "\n"

TRIGGERS = [
    (BOMB, 5, 6),
    (DEEP, 1, 104),
    (DEEP_BLOCK, 101, 201),
    (DEEP_BY_ALIAS, 2, 56),
]
NEAR_MISSES = [
    "x-a: &a [lol, lol]\nx-b: [*a, *a, *a]\nservices:\n  web:\n    image: nginx:1.27\n",
    "x: " + "[" * 90 + "]" * 90 + "\n",
    "# dockwright global ignore=DC002\n" + DEEP,
]

test_triggers, test_near_misses = rule_table("DC002", TRIGGERS, NEAR_MISSES, kind="compose")


def test_huge_document_is_reported_without_parsing() -> None:
    from tests.engine.rule_table import findings_of

    huge = "services:\n  web:\n    image: nginx:1.27\n" + "# filler\n" * 70_000
    assert findings_of("DC002", huge, "compose") == [(1, 1)]
