from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  mq:\n    image: rabbitmq:3.13-management\n", 2, 3),
    ("services:\n  me:\n    image: mongo-express:1.0.2\n    ports:\n      - '127.0.0.1:8081:8081'\n", 2, 3),
    ("services:\n  grafana:\n    image: grafana/grafana:11.2.0\n", 2, 3),
    (
        "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n"
        "      GF_SECURITY_ADMIN_PASSWORD: admin\n",
        5,
        35,
    ),
    (
        "services:\n  pgadmin:\n    image: dpage/pgadmin4:8.11\n    environment:\n"
        "      - PGADMIN_DEFAULT_PASSWORD=changeme\n",
        5,
        9,
    ),
    (
        "services:\n  mq:\n    image: rabbitmq:3.13\n    environment:\n"
        "      RABBITMQ_DEFAULT_PASS: ${MQ_PASSWORD:-guest}\n",
        5,
        30,
    ),
]
NEAR_MISSES = [
    "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n"
    "      GF_SECURITY_ADMIN_PASSWORD__FILE: /run/secrets/grafana_admin\n",
    "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    environment:\n"
    "      GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_PASSWORD:?}\n",
    "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n",
    "services:\n  me:\n    image: mongo-express:0.54\n",
    "services:\n  pgadmin:\n    image: dpage/pgadmin4:8.11\n    environment:\n"
    "      PGADMIN_DEFAULT_PASSWORD: ${PGADMIN_PASSWORD:?}\n",
    "services:\n  mq:\n    build: ./rabbitmq\n",
]

test_triggers, test_near_misses = rule_table("DC057", TRIGGERS, NEAR_MISSES, kind="compose")
