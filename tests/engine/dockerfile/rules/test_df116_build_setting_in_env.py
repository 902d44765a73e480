import pytest

from dockwright.fixes import apply_fixes
from dockwright.lint import lint
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive\n", 2, 5),
    ("FROM debian:12\nENV DEBIAN_FRONTEND noninteractive\n", 2, 5),
    ("FROM debian:12\nENV TZ=UTC DEBIAN_FRONTEND=noninteractive\n", 2, 12),
    ('FROM debian:12\nenv DEBIAN_FRONTEND="noninteractive"\n', 2, 5),
    ("FROM debian:12\nENV DEBCONF_NONINTERACTIVE_SEEN=true\n", 2, 5),
    ("FROM debian:12\nONBUILD ENV DEBIAN_FRONTEND=noninteractive\n", 2, 13),
]
NEAR_MISSES = [
    "FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\n",
    "FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata\n",
    "FROM debian:12\nENV TZ=UTC\n",
    "FROM debian:12\nENV PIP_NO_CACHE_DIR=1\n",
    "FROM debian:12\n# ENV DEBIAN_FRONTEND=noninteractive\n",
]

test_triggers, test_near_misses = rule_table("DF116", TRIGGERS, NEAR_MISSES)


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("ENV DEBIAN_FRONTEND=noninteractive", "ARG DEBIAN_FRONTEND=noninteractive"),
        ("ENV DEBIAN_FRONTEND noninteractive", "ARG DEBIAN_FRONTEND=noninteractive"),
        ('ENV DEBIAN_FRONTEND="noninteractive"', 'ARG DEBIAN_FRONTEND="noninteractive"'),
    ],
)
def test_the_fix_declares_an_arg(line: str, fixed: str) -> None:
    text = f"FROM debian:12\n{line}\nRUN apt-get update\n"
    result = lint(text, kind="dockerfile", config={"shellcheck": False})
    out, applied = apply_fixes(text, [f for f in result.findings if f.rule == "DF116"])
    assert applied == 1 and out == f"FROM debian:12\n{fixed}\nRUN apt-get update\n"


def test_the_fix_is_advice_when_a_later_stage_builds_on_this_one() -> None:
    text = "FROM debian:12 AS base\nENV DEBIAN_FRONTEND=noninteractive\nFROM base\nRUN apt-get update\n"
    result = lint(text, kind="dockerfile", config={"shellcheck": False})
    fix = next(f.fix for f in result.findings if f.rule == "DF116")
    assert fix is not None and not fix.safe
