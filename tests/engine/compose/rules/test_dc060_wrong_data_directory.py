from dockwright.fixes import apply_fixes
from dockwright.lint import lint
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  db:\n    image: postgres:18\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n", 5, 9),
    ("services:\n  db:\n    image: mysql:8.0\n    volumes:\n      - db-data:/var/lib/mysql/data\n", 5, 9),
    ("services:\n  mongo:\n    image: mongo:7.0\n    volumes:\n      - mongo-data:/data\n", 5, 9),
    ("services:\n  redis:\n    image: redis:7.4-alpine\n    volumes:\n      - redis:/var/lib/redis\n", 5, 9),
    (
        "services:\n  prom:\n    image: prom/prometheus:v2.54.1\n    command: ['--storage.tsdb.path=/prometheus']\n"
        "    volumes:\n      - prom:/var/lib/prometheus\n",
        6,
        9,
    ),
    (
        "services:\n  db:\n    image: postgres:16\n    environment:\n      PGDATA: /srv/pg\n"
        "    volumes:\n      - pg:/var/lib/postgresql/data\n",
        7,
        9,
    ),
]
NEAR_MISSES = [
    "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n",
    "services:\n  db:\n    image: postgres:18.1\n    volumes:\n      - pgdata:/var/lib/postgresql\n",
    "services:\n  db:\n    image: postgres:17.2\n    environment:\n      PGDATA: /var/lib/postgresql/data/pgdata\n"
    "    volumes:\n      - pgdata:/var/lib/postgresql/data\n",
    "services:\n  mongo:\n    image: mongo:7.0\n    volumes:\n      - mongo-data:/data/db\n",
    "services:\n  db:\n    image: mariadb:11.4\n    volumes:\n      - db:/var/lib/mysql\n"
    "      - ./conf:/etc/mysql/conf.d\n",
    "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    volumes:\n      - g:/var/lib/grafana\n",
    "services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./init:/docker-entrypoint-initdb.d\n",
    "services:\n  caddy:\n    image: caddy:2.8-alpine\n    volumes:\n      - caddy_data:/data\n",
]

test_triggers, test_near_misses = rule_table("DC060", TRIGGERS, NEAR_MISSES, kind="compose")


def test_the_fix_moves_the_mount_to_the_data_directory() -> None:
    text = "services:\n  db:\n    image: postgres:18\n    volumes:\n      - 'pgdata:/var/lib/postgresql/data:rw'\n"
    result = lint(text, kind="compose", config={"shellcheck": False})
    fixed, applied = apply_fixes(text, [f for f in result.findings if f.rule == "DC060"], safe_only=False)
    assert applied == 1
    assert fixed.endswith("      - 'pgdata:/var/lib/postgresql:rw'\n")
