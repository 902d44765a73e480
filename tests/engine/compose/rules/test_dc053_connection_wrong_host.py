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
