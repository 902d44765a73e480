from tests.engine.rule_table import findings_of, rule_table

HEAD = "services:\n  web:\n    image: example/web:1.0\n"
TRIGGERS = [
    (HEAD + "    environment:\n      SECRET_KEY: ${SECRET_KEY:-changeme}\n", 5, 19),
    (HEAD + "    environment:\n      - DB_PASSWORD=${DB_PASSWORD-postgres}\n", 5, 21),
    (HEAD + "    environment:\n      DATABASE_URL: postgres://app:${POSTGRES_PASSWORD:-secret}@db/app\n", 5, 36),
    (HEAD + "    command: run --token ${API_TOKEN:-dev-token}\n", 4, 26),
]
NEAR_MISSES = [
    HEAD + "    environment:\n      SECRET_KEY: ${SECRET_KEY:?set SECRET_KEY}\n",
    HEAD + "    environment:\n      SECRET_KEY: ${SECRET_KEY}\n",
    HEAD + "    environment:\n      LOG_LEVEL: ${LOG_LEVEL:-info}\n",
    HEAD + "    environment:\n      PASSWORD_FILE: ${PASSWORD_FILE:-/run/secrets/db}\n",
    HEAD + "    environment:\n      SECRET_KEY: ${SECRET_KEY:-${FALLBACK_KEY}}\n",
    HEAD + "    environment:\n      SECRET_KEY: ${SECRET_KEY:-changeme}  # dockwright ignore=DC066\n",
]

test_triggers, test_near_misses = rule_table(
    "DC066", TRIGGERS, NEAR_MISSES, kind="compose", filename="docker-compose.prod.yml"
)


def test_a_file_not_named_for_production_is_not_judged() -> None:
    snippet = HEAD + "    environment:\n      SECRET_KEY: ${SECRET_KEY:-changeme}\n"
    assert findings_of("DC066", snippet, "compose", "docker-compose.yml") == []
    assert findings_of("DC066", snippet, "compose", "compose.prod.yaml") == [(5, 19)]


def test_a_service_whose_environment_says_production_is_judged_in_any_file() -> None:
    snippet = HEAD + "    environment:\n      NODE_ENV: production\n      JWT_SECRET: ${JWT_SECRET:-dev}\n"
    assert findings_of("DC066", snippet, "compose", "docker-compose.yml") == [(6, 19)]
