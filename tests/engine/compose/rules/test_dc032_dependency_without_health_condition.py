from tests.engine.rule_table import rule_table

DB = "  db:\n    image: postgres:17\n    healthcheck:\n      test: [CMD, pg_isready]\n"
TRIGGERS = [
    ("services:\n  web:\n    image: x:1\n    depends_on:\n      - db\n" + DB, 5, 9),
    ("services:\n  web:\n    image: x:1\n    depends_on: [cache, db]\n  cache:\n    image: redis:7.4\n" + DB, 4, 25),
    ("services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        restart: true\n" + DB, 5, 7),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_healthy\n" + DB,
    "services:\n  web:\n    image: x:1\n    depends_on:\n      db:\n        condition: service_started\n" + DB,
    "services:\n  web:\n    image: x:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n",
    "services:\n  web:\n    image: x:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n    healthcheck:\n"
    "      disable: true\n",
    "services:\n  web:\n    image: x:1\n    depends_on:\n      - db  # dockwright ignore=DC032\n" + DB,
]

test_triggers, test_near_misses = rule_table("DC032", TRIGGERS, NEAR_MISSES, kind="compose")
