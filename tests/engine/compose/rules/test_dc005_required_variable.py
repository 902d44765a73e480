import pytest

from dockwright.lint import lint
from tests.engine.rule_table import TODAY, rule_table

TRIGGERS = [
    ("services:\n  db:\n    image: postgres:17\n    environment:\n      PW: ${DB_PASSWORD:?set it}\n", 5, 11),
    ("services:\n  db:\n    image: postgres:${TAG?}\n", 3, 21),
    ("services:\n  db:\n    image: postgres:17\n    command: 'run --x=${A:-${B:?b is needed}}'\n", 4, 28),
    ("services:\n  api:\n    image: example/api:${API_TAG:?pin the api tag}\n", 3, 24),
    ("services:\n  db:\n    image: postgres:17\n    environment:\n      - POSTGRES_PASSWORD=${DB_PASSWORD:?}\n", 5, 27),
    ('services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "${HTTP_PORT:?}:80"\n', 5, 10),
    ("services:\n  app:\n    image: x:1\n    volumes:\n      - ${DATA_DIR?data dir}:/data\n", 5, 9),
    (
        "services:\n  web:\n    image: nginx:1.27\n    labels:\n"
        "      traefik.http.routers.web.rule: Host(`${DOMAIN:?}`)\n",
        5,
        44,
    ),
    (
        "x-env: &env\n  SECRET_KEY: ${SECRET_KEY:?}\nservices:\n  app:\n    image: x:1\n    environment: *env\n"
        "  worker:\n    image: x:1\n    environment: *env\n",
        2,
        15,
    ),
    (
        "services:\n  db:\n    image: postgres:17\n    command: ['postgres', '-c', 'max_connections=${MAX_CONN:?}']\n",
        4,
        50,
    ),
]
NEAR_MISSES = [
    "services:\n  db:\n    image: postgres:${TAG:-17}\n",
    "services:\n  db:\n    image: postgres:17\n    command: run $${A:?literal}\n",
    "# dockwright ignore=DC005\nservices:\n  db:\n    image: postgres:${TAG?}\n",
    "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-}\n",
    "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD-changeme}\n",
    "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: $DB_PASSWORD\n",
    "services:\n  db:\n    image: postgres:${PG_TAG:+17}\n",
    "services:\n  db:\n    image: postgres:17\n    # ${DB_PASSWORD:?}\n",
    "services:\n  db:\n    image: postgres:17\n    healthcheck:\n"
    "      test: ['CMD-SHELL', 'test -n \"$${PGPASSWORD:?}\"']\n",
    "services:\n  db:\n    image: postgres:17\n    environment:\n"
    "      POSTGRES_PASSWORD: ${DB_PASSWORD:?set it}  # dockwright ignore=required-variable-unset\n",
]

_, test_near_misses = rule_table("DC005", TRIGGERS, NEAR_MISSES, kind="compose")
ENV = {".env": "UNRELATED=1\n"}


@pytest.mark.parametrize(("snippet", "line", "column"), TRIGGERS)
def test_triggers_when_an_env_file_does_not_set_the_variable(snippet: str, line: int, column: int) -> None:
    result = lint(snippet, kind="compose", config={"today": TODAY, "shellcheck": False}, files=ENV)
    assert (line, column) in [(f.line, f.column) for f in result.findings if f.rule == "DC005"]


@pytest.mark.parametrize(("snippet", "line", "column"), TRIGGERS)
def test_without_an_env_file_the_variable_is_unknown(snippet: str, line: int, column: int) -> None:
    result = lint(snippet, kind="compose", config={"today": TODAY, "shellcheck": False})
    assert [f for f in result.findings if f.rule == "DC005"] == []


SNIPPET = "services:\n  db:\n    image: postgres:${TAG:?}\n    environment:\n      PW: ${PW?}\n"


def _positions(env: str) -> list[tuple[int, int]]:
    result = lint(SNIPPET, kind="compose", config={"today": TODAY}, files={".env": env})
    assert all("(.env does not set it)" in f.message for f in result.findings if f.rule == "DC005")
    return [(f.line, f.column) for f in result.findings if f.rule == "DC005"]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ("", [(3, 21), (5, 11)]),
        ("TAG=17\nPW=secret\n", []),
        ("TAG=\nPW=\n", [(3, 21)]),  # `:?` needs a non-empty value, `?` any value
        ("# comment\nexport TAG='17'\n", [(5, 11)]),
    ],
)
def test_the_env_file_decides_what_is_missing(env: str, expected: list[tuple[int, int]]) -> None:
    assert _positions(env) == expected
