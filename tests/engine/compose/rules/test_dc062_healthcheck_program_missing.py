from dockwright.lint import lint
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  db:\n    image: mariadb:11.4\n    healthcheck:\n      test: [CMD, mysqladmin, ping]\n", 5, 13),
    ("services:\n  db:\n    image: redis:7.4-alpine\n    healthcheck:\n      test: [CMD, curl, -f, http://x]\n", 5, 13),
    (
        "services:\n  db:\n    image: postgres:16\n    healthcheck:\n"
        "      test: ['CMD-SHELL', 'wget -q --spider http://localhost:5432 || exit 1']\n",
        5,
        13,
    ),
    ("services:\n  mongo:\n    image: mongo:7.0\n    healthcheck:\n      test: mongo --eval 'db.ping()'\n", 5, 13),
    (
        "services:\n  web:\n    image: python:3.12-slim\n    healthcheck:\n      test: [CMD, /usr/bin/curl, -f, x]\n",
        5,
        13,
    ),
]
NEAR_MISSES = [
    "services:\n  db:\n    image: mariadb:10.11\n    healthcheck:\n      test: [CMD, mysqladmin, ping]\n",
    "services:\n  api:\n    image: node:20-alpine\n    healthcheck:\n      test: [CMD, wget, -qO-, http://127.0.0.1/]\n",
    "services:\n  db:\n    image: mysql:8.4\n    healthcheck:\n      test: [CMD, mysqladmin, ping]\n",
    "services:\n  app:\n    image: acme/app:1\n    healthcheck:\n      test: [CMD, curl, -f, http://x]\n",
    "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ['CMD-SHELL', 'pg_isready -U app']\n",
    "services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: [NONE]\n",
]

test_triggers, test_near_misses = rule_table("DC062", TRIGGERS, NEAR_MISSES, kind="compose")


def test_a_dockerfile_that_installs_the_program_provides_it() -> None:
    compose = "services:\n  api:\n    build: .\n    healthcheck:\n      test: [CMD, curl, -f, http://localhost/]\n"
    for dockerfile, expected in (
        ('FROM node:20-alpine\nCMD ["node", "s.js"]\n', 1),
        ('FROM node:20-alpine\nRUN apk add --no-cache curl\nCMD ["node", "s.js"]\n', 0),
    ):
        result = lint(compose, kind="compose", filename="compose.yaml", files={"Dockerfile": dockerfile})
        assert len([f for f in result.findings if f.rule == "DC062"]) == expected
