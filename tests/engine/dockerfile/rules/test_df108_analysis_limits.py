"""DF108: what goes over a limit of the analysis' budget is left unresolved, and said once where it happens."""

from dockwright.budget import DEFAULT_LIMITS
from tests.engine.rule_table import findings_of, rule_table


def doubling_args(levels: int, seed: str = "ab") -> str:
    """``levels`` ARGs each twice the one before: 2**levels times the seed's length once expanded."""
    lines = [f"ARG A0={seed}"] + [f"ARG A{i}=${{A{i - 1}}}${{A{i - 1}}}" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\nFROM alpine:${{A{levels}}}\n"


def nested_defaults(depth: int) -> str:
    return "FROM alpine:3.20\nENV Y=" + "${X:-" * depth + "v" + "}" * depth + "\n"


# 2 characters doubled 13 times is 16,384 (the limit): the 14th level is the first over it.
TRIGGERS = [
    (doubling_args(20), 15, 9),
    (doubling_args(40), 15, 9),
    (nested_defaults(33), 2, 7),
    (nested_defaults(500), 2, 7),
    ("FROM alpine:3.20\nENV BIG=" + "x" * 16_000 + "\nENV TWICE=${BIG}${BIG}\n", 3, 11),
    ("FROM alpine:3.20\nARG BIG=" + "x" * 9_000 + "\nARG TWICE=$BIG$BIG\n", 3, 11),
    ("FROM alpine:3.20\n" + "".join(f"ENV V{i}=1\n" for i in range(700)), 634, 1),
]
NEAR_MISSES = [
    doubling_args(12),
    nested_defaults(32),
    "FROM alpine:3.20\nENV BIG=" + "x" * 8_000 + "\nENV TWICE=${BIG}${BIG}\n",
    "FROM alpine:3.20\n" + "".join(f"ENV V{i}=1\n" for i in range(300)),
    "ARG TAG=3.20\nFROM alpine:${TAG}\nENV A=${TAG:-x} B=${A:+y}\n",
    nested_defaults(40).replace("ENV Y=", "# dockwright ignore=DF108\nENV Y=", 1),
]

test_triggers, test_near_misses = rule_table("DF108", TRIGGERS, NEAR_MISSES)


def test_a_spent_expansion_budget_is_reported_once() -> None:
    snippet = "FROM alpine:3.20\nENV B=" + "x" * 16_000 + "\n" + "".join(f"ENV A{i}=${{B}}\n" for i in range(600))
    positions = findings_of("DF108", snippet)
    budget_lines = DEFAULT_LIMITS.max_expansion_chars // 16_000
    assert positions[0] == (budget_lines + 3, 10)
    assert len([p for p in positions if p[0] <= 600]) == 1
