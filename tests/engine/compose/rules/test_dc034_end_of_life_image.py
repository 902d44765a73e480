from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("services:\n  db:\n    image: postgres:11\n", 3, 12),
    ("services:\n  app:\n    image: python:3.7-slim-buster\n", 3, 12),
    ("services:\n  app:\n    image: docker.io/library/node:16-alpine\n", 3, 12),
    ("services:\n  db:\n    image: postgres:${PG:-9.6}\n", 3, 12),
    ("services:\n  cache:\n    image: redis:6.0-alpine\n", 3, 12),
    ("services:\n  db:\n    image: mysql:5.7\n", 3, 12),
    ("services:\n  db:\n    image: 'postgres:12.18-bookworm'\n", 3, 12),
    ("services:\n  db:\n    image: postgres:11@sha256:" + "0123456789abcdef" * 4 + "\n", 3, 12),
    ("services:\n  app:\n    image: debian:buster\n", 3, 12),
    ("x-pg: &pg\n  image: postgres:11\nservices:\n  db:\n    <<: *pg\n", 2, 10),
]
NEAR_MISSES = [
    "services:\n  db:\n    image: postgres:17\n",
    "services:\n  db:\n    image: bitnami/postgresql:11\n",
    "services:\n  db:\n    image: postgres:${PG}\n",
    "services:\n  db:\n    image: postgres\n",
    "services:\n  db:\n    image: postgres:11  # dockwright ignore=DC034\n",
    "services:\n  db:\n    image: postgres:11  # dockwright ignore=end-of-life-image\n",
    "services:\n  db:\n    image: ghcr.io/example/postgres:11\n",
    "services:\n  db:\n    image: postgres:${PG_VERSION:-17}\n",
    "services:\n  app:\n    image: python:3.13-slim\n",
    "services:\n  app:\n    image: node:22-alpine\n",
    "services:\n  db:\n    build:\n      context: .\n      args:\n        BASE_IMAGE: postgres:11\n",
]

test_triggers, test_near_misses = rule_table("DC034", TRIGGERS, NEAR_MISSES, kind="compose")


def test_the_configured_date_decides() -> None:
    snippet = "services:\n  db:\n    image: postgres:14\n"
    assert findings_of("DC034", snippet, "compose", today="2026-01-01") == []
    assert findings_of("DC034", snippet, "compose", today="2027-01-01") == [(3, 12)]
