from tests.engine.rule_table import rule_table

DB = "  db:\n    image: postgres:17\n    healthcheck:\n      test: [CMD, pg_isready]\n"
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
]

test_triggers, test_near_misses = rule_table("DC032", TRIGGERS, NEAR_MISSES, kind="compose")
