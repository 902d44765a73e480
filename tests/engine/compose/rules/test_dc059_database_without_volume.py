from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  db:\n    image: postgres:16\n", 2, 3),
    (
        "services:\n  db:\n    image: mysql:5.7\n    volumes:\n"
        "      - ./init.sql:/docker-entrypoint-initdb.d/init.sql\n",
        2,
        3,
    ),
    ("services:\n  mq:\n    image: rabbitmq:3.13-management\n", 2, 3),
    ("services:\n  cache:\n    image: redis:7.4\n    command: ['redis-server', '--appendonly', 'yes']\n", 2, 3),
    ("services:\n  sql:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n", 2, 3),
    ("services:\n  mongo:\n    image: mongo:7.0\n    restart: always\n", 2, 3),
]
NEAR_MISSES = [
    "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n"
    "volumes:\n  pgdata:\n",
    "services:\n  cache:\n    image: redis:7.4\n",
    "services:\n  cache:\n    image: redis:7.4\n    command: ['redis-server', '--save', '', '--appendonly', 'no']\n",
    "services:\n  cache:\n    image: memcached:1.6\n",
    "services:\n  db:\n    image: postgres:16\n    tmpfs:\n      - /var/lib/postgresql/data\n",
    "services:\n  db:\n    image: postgres:18\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n",
    "services:\n  web:\n    image: nginx:1.27\n",
    "services:\n  db:\n    image: acme/postgres-custom:1\n",
]

test_triggers, test_near_misses = rule_table("DC059", TRIGGERS, NEAR_MISSES, kind="compose")


def test_a_one_shot_job_run_from_a_database_image_is_no_database() -> None:
    from dockwright.lint import lint

    compose = (
        "services:\n  setup:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.17.0\n"
        "    entrypoint: ['bash', '-c']\n    command: ['curl -fsS http://elasticsearch:9200/']\n"
        "  migrate:\n    image: postgres:16\n    command: ['psql', '-f', '/init.sql']\n"
        "  api:\n    image: python:3.12\n    depends_on:\n      migrate:\n"
        "        condition: service_completed_successfully\n"
    )
    result = lint(compose, kind="compose", config={"shellcheck": False})
    assert [f for f in result.findings if f.rule == "DC059"] == []
