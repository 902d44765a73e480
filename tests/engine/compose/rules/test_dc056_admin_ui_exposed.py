from dockwright.lint import lint
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  flower:\n    image: mher/flower:2.0\n    ports:\n      - '5555:5555'\n", 5, 9),
    ("services:\n  mq:\n    image: rabbitmq:3.13-management\n    ports:\n      - '15672:15672'\n", 5, 9),
    ("services:\n  me:\n    image: mongo-express:1.0.2\n    ports:\n      - '8081:8081'\n", 5, 9),
    ("services:\n  pma:\n    image: phpmyadmin:5.2\n    ports:\n      - '8080:80'\n", 5, 9),
    (
        "services:\n  traefik:\n    image: traefik:v3.1\n    command: ['--api.insecure=true']\n"
        "    ports:\n      - '8080:8080'\n",
        6,
        9,
    ),
    (
        "services:\n  pgadmin:\n    image: dpage/pgadmin4:8.11\n    environment:\n"
        "      PGADMIN_DEFAULT_EMAIL: a@b.c\n      PGADMIN_DEFAULT_PASSWORD: admin\n    ports:\n      - '5050:80'\n",
        8,
        9,
    ),
]
NEAR_MISSES = [
    "services:\n  flower:\n    image: mher/flower:2.0\n    ports:\n      - '127.0.0.1:5555:5555'\n",
    "services:\n  flower:\n    image: mher/flower:2.0\n    environment:\n      FLOWER_BASIC_AUTH: ${FLOWER_AUTH:?}\n"
    "    ports:\n      - '5555:5555'\n",
    "services:\n  mq:\n    image: rabbitmq:3.13-management\n    environment:\n      RABBITMQ_DEFAULT_USER: ops\n"
    "      RABBITMQ_DEFAULT_PASS: ${MQ_PASSWORD:?}\n    ports:\n      - '15672:15672'\n",
    "services:\n  mq:\n    image: rabbitmq:3.13-management\n    ports:\n      - '5672:5672'\n",
    "services:\n  traefik:\n    image: traefik:v3.1\n    ports:\n      - '8080:8080'\n",
    "services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '80:80'\n",
    "services:\n  pgadmin:\n    image: dpage/pgadmin4:8.11\n    environment:\n"
    "      PGADMIN_DEFAULT_PASSWORD: ${PGADMIN_PASSWORD:?}\n    ports:\n      - '5050:80'\n",
]

test_triggers, test_near_misses = rule_table("DC056", TRIGGERS, NEAR_MISSES, kind="compose")


def test_the_fix_publishes_on_loopback() -> None:
    text = "services:\n  flower:\n    image: mher/flower:2.0\n    ports:\n      - '5555:5555'\n"
    result = lint(text, kind="compose", config={"shellcheck": False})
    fix = next(f.fix for f in result.findings if f.rule == "DC056")
    assert fix is not None and [e.replacement for e in fix.edits] == ["127.0.0.1:"]
