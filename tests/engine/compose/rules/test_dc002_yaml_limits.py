from tests.engine.rule_table import rule_table

BOMB = 'x-a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"x-{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(5)
)
DEEP = "x: " + "[" * 150 + "]" * 150 + "\n"
DEEP_BLOCK = "".join("  " * i + f"k{i}:\n" for i in range(120)) + "  " * 120 + "v: 1\n"
DEEP_BY_ALIAS = "x-a: &a " + "[" * 60 + "1" + "]" * 60 + "\nx-c: " + "[" * 50 + "*a" + "]" * 50 + "\n"
WEB = "services:\n  web:\n    image: nginx:1.27\n"
DEEP_FLOW = "[" * 150 + "]" * 150


def env_fan_out(levels: int) -> str:
    """An environment of 10 variables, fanned out tenfold per level through anchors and aliases."""
    text = "x-e0: &e0\n" + "".join(f"  K{i}: v\n" for i in range(10))
    for level in range(1, levels + 1):
        text += f"x-e{level}: &e{level}\n" + f"  - *e{level - 1}\n" * 10
    return text + WEB


def nested(depth: int) -> str:
    return "".join("  " * i + f"{'x-' if i == 0 else ''}k{i}:\n" for i in range(depth)) + "  " * depth + "v: 1\n"


TRIGGERS = [
    (BOMB, 5, 6),
    (DEEP, 1, 104),
    (DEEP_BLOCK, 101, 201),
    (DEEP_BY_ALIAS, 2, 56),
    (env_fan_out(5), 45, 7),
    ("x-matrix: " + "[" * 100 + "]" * 100 + "\n", 1, 110),
    # What the bracket scan skips (a plain scalar holding a quote, a block scalar) does not hide what follows.
    (WEB + "    command: echo 'hi\nx-deep: " + DEEP_FLOW + "\n", 5, 109),
    (WEB + "    command: |\n      echo ']]]'\nx-deep: " + DEEP_FLOW + "\n", 6, 109),
    (WEB + "    command: [sh, -c, echo 'hi]\nx-deep: " + DEEP_FLOW + "\n", 5, 109),
    (WEB + "    environment:\n" + "".join(f"      VAR_{i}: value-{i}\n" for i in range(20_000)), 1, 1),
]
NEAR_MISSES = [
    "x-a: &a [lol, lol]\nx-b: [*a, *a, *a]\nservices:\n  web:\n    image: nginx:1.27\n",
    "x: " + "[" * 90 + "]" * 90 + "\n",
    "# dockwright global ignore=DC002\n" + DEEP,
    "# dockwright global ignore=yaml-limits\n" + DEEP,
    "x-matrix: " + "[" * 99 + "]" * 99 + "\n",
    nested(99),
    env_fan_out(3),
    WEB + '    command: "' + "[" * 120 + '"\n',
    WEB + "    # " + "[" * 120 + "\n",
    # Brackets that open no flow collection: in block scalars, plain scalars and escaped quotes.
    WEB + "    command: |\n      " + "[" * 120 + "\n",
    WEB + "    command: >-\n      echo\n\n      " + "{" * 120 + "\n",
    WEB + "    command:\n      - |\n        " + "[" * 120 + "\n      - echo\n",
    WEB + "    command: echo " + "[" * 120 + "\n",
    WEB + "    command: echo\n      " + "[" * 120 + "\n",
    WEB + "    command: 'it''s " + "[" * 120 + "'\n",
    WEB + '    command: "say \\"' + "[" * 120 + '\\""\n',
    WEB + "    command: [sh, -c, echo it's]\n    entrypoint: |\n      " + "{" * 120 + "\n",
]

test_triggers, test_near_misses = rule_table("DC002", TRIGGERS, NEAR_MISSES, kind="compose")


def test_huge_document_is_reported_without_parsing() -> None:
    from tests.engine.rule_table import findings_of

    huge = "services:\n  web:\n    image: nginx:1.27\n" + "# filler\n" * 70_000
    assert findings_of("DC002", huge, "compose") == [(1, 1)]
