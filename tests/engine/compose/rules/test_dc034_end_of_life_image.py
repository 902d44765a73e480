from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("services:\n  db:\n    image: postgres:11\n", 3, 12),
    ("services:\n  app:\n    image: python:3.7-slim-buster\n", 3, 12),
    ("services:\n  app:\n    image: docker.io/library/node:16-alpine\n", 3, 12),
    ("services:\n  db:\n    image: postgres:${PG:-9.6}\n", 3, 12),
]
NEAR_MISSES = [
    "services:\n  db:\n    image: postgres:17\n",
    "services:\n  db:\n    image: bitnami/postgresql:11\n",
    "services:\n  db:\n    image: postgres:${PG}\n",
    "services:\n  db:\n    image: postgres\n",
    "services:\n  db:\n    image: postgres:11  # dockwright ignore=DC034\n",
]

test_triggers, test_near_misses = rule_table("DC034", TRIGGERS, NEAR_MISSES, kind="compose")


def test_the_configured_date_decides() -> None:
    snippet = "services:\n  db:\n    image: postgres:14\n"
    assert findings_of("DC034", snippet, "compose", today="2026-01-01") == []
    assert findings_of("DC034", snippet, "compose", today="2027-01-01") == [(3, 12)]
