import pytest

from dockwright.lint import lint
from tests.engine.rule_table import rule_table

DB = "  db:\n    image: postgres:16\n"
WEB = "services:\n  web:\n    image: python:3.12\n    environment:\n"
TRIGGERS = [
    (WEB + "      DATABASE_URL: postgres://app:pw@localhost:5432/app\n" + DB, 5, 39),
    (WEB + "      DATABASE_URL: jdbc:postgresql://127.0.0.1/orders\n" + DB, 5, 39),
    (WEB + "      - REDIS_URL=redis://localhost:6379/0\n  redis:\n    image: redis:7.4\n", 5, 27),
    (
        WEB + "      DB: Server=localhost,1433;Database=x;User Id=sa\n"
        "  sql:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n",
        5,
        18,
    ),
    (WEB + "      CACHE_HOST: memcahced\n  memcached:\n    image: memcached:1.6\n", 5, 19),
    (
        WEB + "      DATABASE_URL: postgres://app@db:15432/app\n"
        "  db:\n    image: postgres:16\n    ports:\n      - '15432:5432'\n",
        5,
        36,
    ),
    (WEB + "      ES: http://localhost:9200\n  es:\n    image: elasticsearch:8.15.0\n", 5, 18),
    # A bare host takes its port from the variable beside it.
    (WEB + "      DB_HOST: localhost\n      DB_PORT: '5432'\n" + DB, 5, 16),
]
NEAR_MISSES = [
    WEB + "      DATABASE_URL: postgres://app:pw@db:5432/app\n" + DB,
    WEB + "      DATABASE_URL: postgres://app@database.example.com:5432/app\n" + DB,
    WEB + "      SELF_URL: http://localhost:8000/\n    command: uvicorn a:app --host 0.0.0.0 --port 8000\n",
    WEB + "      DATABASE_URL: postgres://app@localhost:5432/app\n",
    WEB + "      DATABASE_URL: postgres://app@localhost/app\n    network_mode: service:db\n" + DB,
    WEB + "      DJANGO_ALLOWED_HOSTS: localhost\n" + DB,
    WEB + "      DATABASE_URL: postgres://app@database:5432/app\n    links:\n      - db:database\n" + DB,
    WEB + "      DATABASE_URL: postgres://app@pg:5432/app\n"
    "  db:\n    image: postgres:16\n    networks:\n      default:\n        aliases: [pg]\n",
    WEB + "      DATABASE_URL: postgres://app@${DB_HOST}:5432/app\n" + DB,
    WEB + "      DB_HOST: localhost\n      DB_PORT: '8000'\n" + DB,
]

test_triggers, test_near_misses = rule_table("DC053", TRIGGERS, NEAR_MISSES, kind="compose")


def test_the_fix_names_the_one_service_that_listens_there() -> None:
    compose = WEB + "      DATABASE_URL: postgres://app@localhost:5432/app\n" + DB
    result = lint(compose, kind="compose", config={"shellcheck": False})
    finding = next(f for f in result.findings if f.rule == "DC053")
    assert finding.fix is not None and not finding.fix.safe
    assert [e.replacement for e in finding.fix.edits] == ["db"]


def test_an_unknown_host_is_not_judged_when_an_include_could_not_be_read() -> None:
    compose = "include:\n  - other.yaml\n" + WEB + "      CACHE_HOST: memcahced\n"
    result = lint(compose, kind="compose", filename="compose.yaml", files={}, config={"shellcheck": False})
    assert [f for f in result.findings if f.rule == "DC053"] == []


ENV_FILE_WEB = "services:\n  web:\n    image: python:3.12\n    env_file: .env\n"


def _dc053(compose: str, dotenv: str) -> list[tuple[int, int, str]]:
    result = lint(
        compose, kind="compose", filename="compose.yaml", files={".env": dotenv}, config={"shellcheck": False}
    )
    return [(f.line, f.column, f.message) for f in result.findings if f.rule == "DC053"]


ENV_FILE_TRIGGERS = [
    # localhost in an env_file, for a port another service serves: reported on the env_file entry.
    (ENV_FILE_WEB + DB, "APP=1\nDATABASE_URL=postgres://app@localhost:5432/app\n", ".env line 2:"),
    (ENV_FILE_WEB + "  mysql:\n    image: mysql:8.4\n", "DB_HOST=127.0.0.1\nDB_PORT=3306\n", ".env line 1:"),
    (ENV_FILE_WEB + DB, "CACHE_HOST=memcahced\n", ".env line 1:"),
]
ENV_FILE_NEAR_MISSES = [
    (ENV_FILE_WEB + DB, "DATABASE_URL=postgres://app@db:5432/app\n"),
    # `environment` wins over env_file in Compose: the value judged is the compose file's.
    (
        ENV_FILE_WEB + "    environment:\n      DATABASE_URL: postgres://app@db:5432/app\n" + DB,
        "DATABASE_URL=postgres://app@localhost:5432/app\n",
    ),
    (ENV_FILE_WEB + DB, "# DATABASE_URL=postgres://app@localhost:5432/app\n"),
]


@pytest.mark.parametrize(("compose", "dotenv", "cited"), ENV_FILE_TRIGGERS)
def test_env_file_values_are_judged_and_cited(compose: str, dotenv: str, cited: str) -> None:
    found = _dc053(compose, dotenv)
    assert [(line, column) for line, column, _ in found] == [(4, 15)]
    assert found[0][2].startswith(cited)


@pytest.mark.parametrize(("compose", "dotenv"), ENV_FILE_NEAR_MISSES)
def test_env_file_near_misses(compose: str, dotenv: str) -> None:
    assert _dc053(compose, dotenv) == []


PROMETHEUS = (
    "services:\n  app:\n    image: python:3.12\n    command: uvicorn a:app --host 0.0.0.0 --port 8000\n"
    "  prometheus:\n    image: prom/prometheus:v2.54.1\n    volumes:\n"
    "      - ./prometheus.yml:/etc/prometheus/prometheus.yml:ro\n"
)


def _scrape_findings(config: str, compose: str = PROMETHEUS) -> list[tuple[int, str]]:
    result = lint(
        compose,
        kind="compose",
        filename="compose.yaml",
        files={"prometheus.yml": config},
        config={"shellcheck": False},
    )
    return [(f.line, f.message) for f in result.findings if f.rule == "DC053"]


@pytest.mark.parametrize(
    ("config", "cited"),
    [
        # Inside the prometheus container, localhost is prometheus; the app is `app:8000`.
        ("scrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: ['localhost:8000']\n", "line 4"),
        (
            "scrape_configs:\n  - job_name: app\n    static_configs:\n      - targets:\n          - aap:8000\n",
            "line 5",
        ),
    ],
)
def test_prometheus_scrape_targets_are_judged_on_the_mount(config: str, cited: str) -> None:
    found = _scrape_findings(config)
    assert [line for line, _ in found] == [8]
    assert found[0][1].startswith(f"./prometheus.yml {cited}:")


@pytest.mark.parametrize(
    "config",
    [
        "scrape_configs:\n  - job_name: self\n    static_configs:\n      - targets: ['localhost:9090']\n",
        "scrape_configs:\n  - job_name: app\n    static_configs:\n      - targets: ['app:8000']\n",
        "scrape_configs:\n  - job_name: ext\n    static_configs:\n      - targets: ['metrics.example.com:443']\n",
        "scrape_configs: [\n",  # not YAML: nothing is judged
    ],
)
def test_prometheus_scrape_near_misses(config: str) -> None:
    assert _scrape_findings(config) == []
