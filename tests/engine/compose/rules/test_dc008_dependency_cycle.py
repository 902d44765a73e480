from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [a]\n", 4, 18),
    ("services:\n  a:\n    image: x:1\n    depends_on: [a]\n", 4, 18),
    (
        "services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [c]\n"
        "  c:\n    image: x:1\n    depends_on:\n      a:\n        condition: service_started\n",
        4,
        18,
    ),
]
NEAR_MISSES = [
    "services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [c]\n"
    "  c:\n    image: x:1\n",
    "services:\n  a:\n    image: x:1\n    depends_on: [b, c]\n  b:\n    image: x:1\n    depends_on: [c]\n  c:\n"
    "    image: x:1\n",
]

test_triggers, test_near_misses = rule_table("DC008", TRIGGERS, NEAR_MISSES, kind="compose")


def test_a_cycle_is_reported_once() -> None:
    assert len(findings_of("DC008", TRIGGERS[0][0], "compose")) == 1
