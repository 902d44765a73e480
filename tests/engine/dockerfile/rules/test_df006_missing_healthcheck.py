from dockwright.lint import lint
from tests.engine.rule_table import TODAY, rule_table

TRIGGERS = [
    ("FROM nginx:1.27\n", 1, 1),
    ("FROM python:3.12 AS build\nHEALTHCHECK CMD true\nFROM python:3.12-slim\n", 3, 1),
    ('FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n', 1, 1),
    ('# comment\nfrom alpine:3.20\nCMD ["sh"]\n', 2, 1),
    ("FROM debian:12 AS a\nFROM a AS b\nRUN true\n", 2, 1),
    # Stages that copy nothing in are no export stages (hadolint's DL3057 spec).
    ("FROM scratch\n", 1, 1),
    ("FROM scratch AS base\nHEALTHCHECK CMD /bin/bla\nFROM scratch\n", 3, 1),
    (
        "FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3.1\nFROM base2 AS base3.2\n\n"
        "FROM base3.1 AS end1\nHEALTHCHECK NONE\n\nFROM base3.2 AS end2\n",
        9,
        1,
    ),
]
NEAR_MISSES = [
    "FROM nginx:1.27\nHEALTHCHECK NONE\n",
    "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n",
    "FROM debian:12 AS base\nHEALTHCHECK CMD true\nFROM base\n",
    # An artifact-export stage: nothing runs in it.
    "FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM scratch\nCOPY --from=build /out/app /\n",
    "# dockwright ignore=DF006\nFROM nginx:1.27\n",
    "# hadolint ignore=DL3057\nFROM nginx:1.27\n",
]

test_triggers, test_near_misses = rule_table("DF006", TRIGGERS, NEAR_MISSES)


def test_rule_is_off_unless_enabled() -> None:
    result = lint("FROM nginx:1.27\n", config={"today": TODAY, "shellcheck": False})
    assert "DF006" not in {f.rule for f in result.findings}
