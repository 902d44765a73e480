import pytest

from dockwright.lint import lint
from tests.engine.rule_table import TODAY, rule_table

DB = "  db:\n    image: postgres:17\n    healthcheck:\n      test: [CMD, pg_isready]\n"
WEB = "services:\n  web:\n    image: x:1\n    depends_on: [db]\n"
INLINE_DB = '  db:\n    build:\n      context: .\n      dockerfile_inline: "FROM postgres:17\\n{healthcheck}"\n'

TRIGGERS = [
    ("services:\n  web:\n    image: x:1\n    depends_on:\n      - db\n" + DB, 5, 9),
    ("services:\n  web:\n    image: x:1\n    depends_on: [cache, db]\n  cache:\n    image: redis:7.4\n" + DB, 4, 25),
    ("services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        restart: true\n" + DB, 5, 7),
    (
        "services:\n  web:\n    image: x:1\n    depends_on: [db]\n  worker:\n    image: x:1\n"
        "    depends_on:\n      - db\n" + DB,
        4,
        18,
    ),
    (
        "services:\n  web:\n    image: x:1\n    depends_on: [db]\n  worker:\n    image: x:1\n"
        "    depends_on:\n      - db\n" + DB,
        8,
        9,
    ),
    (
        "services:\n  web:\n    image: x:1\n    depends_on:\n      - db\n  db:\n    image: postgres:17\n"
        "    healthcheck:\n"
        "      test: [CMD-SHELL, pg_isready -U postgres]\n      interval: 5s\n",
        5,
        9,
    ),
    (
        "x-db-health: &dbhealth\n  test: [CMD, pg_isready]\nservices:\n  web:\n    image: x:1\n    depends_on: [db]\n"
        "  db:\n    image: postgres:17\n    healthcheck: *dbhealth\n",
        6,
        18,
    ),
    # The HEALTHCHECK of the Dockerfile the dependency builds counts, as for DC031.
    (WEB + INLINE_DB.format(healthcheck="HEALTHCHECK CMD pg_isready"), 4, 18),
    (
        WEB + INLINE_DB.format(healthcheck="HEALTHCHECK CMD pg_isready") + "    healthcheck:\n      interval: 5s\n",
        4,
        18,
    ),
    (WEB + DB.replace("test: [CMD, pg_isready]", "test: [CMD, pg_isready]\n      disable: 'off'"), 4, 18),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_healthy\n" + DB,
    "services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_started\n" + DB,
    "services:\n  web:\n    image: x:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n",
    "services:\n  web:\n    image: x:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n    healthcheck:\n"
    "      disable: true\n",
    "services:\n  web:\n    image: x:1\n    depends_on:\n      - db  # dockwright ignore=DC032\n" + DB,
    "services:\n  web:\n    image: x:1\n    depends_on:\n"
    "      - db  # dockwright ignore=dependency-without-health-condition\n" + DB,
    "services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_completed_successfully\n"
    + DB,
    "services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n"
    "        condition: ${DB_CONDITION:-service_healthy}\n" + DB,
    "services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_healthy\n"
    "        restart: true\n" + DB,
    "services:\n  web:\n    image: x:1\n    depends_on: [cache]\n  cache:\n    image: redis:7.4\n" + DB,
    "services:\n  web:\n    image: x:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n    healthcheck:\n"
    "      test: [NONE]\n",
    WEB + INLINE_DB.format(healthcheck="HEALTHCHECK NONE"),
    WEB + INLINE_DB.format(healthcheck="RUN true"),
    # A compose healthcheck turned off (Compose reads `yes`, `on`... as true) overrides the Dockerfile's.
    WEB + INLINE_DB.format(healthcheck="HEALTHCHECK CMD pg_isready") + "    healthcheck:\n      disable: yes\n",
    WEB + INLINE_DB.format(healthcheck="HEALTHCHECK CMD pg_isready") + "    healthcheck:\n      disable: 'On'\n",
    WEB + INLINE_DB.format(healthcheck="HEALTHCHECK CMD pg_isready") + "    healthcheck:\n      test: [NONE]\n",
    WEB + "  db:\n    build: ./db\n",
]

test_triggers, test_near_misses = rule_table("DC032", TRIGGERS, NEAR_MISSES, kind="compose")


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        ("FROM postgres:17\nHEALTHCHECK CMD pg_isready\n", [(4, 18)]),
        ("FROM postgres:17\nHEALTHCHECK NONE\n", []),
        ("FROM postgres:17\n", []),
    ],
)
def test_a_healthcheck_in_the_dependencys_analysed_dockerfile_counts(
    dockerfile: str, expected: list[tuple[int, int]]
) -> None:
    compose = WEB + "  db:\n    build: ./db\n"
    result = lint(compose, kind="compose", config={"today": TODAY}, files={"db/Dockerfile": dockerfile})
    assert [(f.line, f.column) for f in result.findings if f.rule == "DC032"] == expected


def test_a_healthcheck_in_the_dockerfile_of_an_included_service_counts() -> None:
    compose = "include:\n  - stack/db.yaml\nservices:\n  web:\n    image: x:1\n    depends_on: [db]\n"
    files = {
        "stack/db.yaml": "services:\n  db:\n    build: ./db\n",
        "stack/db/Dockerfile": "FROM postgres:17\nHEALTHCHECK CMD pg_isready\n",
    }
    result = lint(compose, kind="compose", config={"today": TODAY}, files=files)
    assert [(f.line, f.column) for f in result.findings if f.rule == "DC032"] == [(6, 18)]
