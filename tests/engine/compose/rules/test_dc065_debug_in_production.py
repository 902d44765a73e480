from tests.engine.rule_table import findings_of, rule_table

HEAD = "services:\n  web:\n    image: example/web:1.0\n"
TRIGGERS = [
    (HEAD + "    environment:\n      DJANGO_DEBUG: '1'\n", 5, 21),
    (HEAD + "    environment:\n      DEBUG: 'True'\n", 5, 14),
    (HEAD + "    environment:\n      - FLASK_DEBUG=1\n", 5, 9),
    (HEAD + "    environment:\n      APP_DEBUG: 'true'\n", 5, 18),
    (HEAD + "    environment:\n      DEBUG: ${DEBUG:-1}\n", 5, 14),
]
NEAR_MISSES = [
    HEAD + "    environment:\n      DJANGO_DEBUG: '0'\n",
    HEAD + "    environment:\n      DEBUG: 'false'\n",
    HEAD + "    environment:\n      DEBUG: ${DEBUG}\n",
    HEAD + "    environment:\n      LOG_LEVEL: debug\n",
    HEAD + "    environment:\n      DEBUG_TOOLBAR: '1'\n",
    HEAD + "    environment:\n      DJANGO_DEBUG: '1'  # dockwright ignore=DC065\n",
]

test_triggers, test_near_misses = rule_table(
    "DC065", TRIGGERS, NEAR_MISSES, kind="compose", filename="docker-compose.prod.yml"
)


def test_a_file_not_named_for_production_is_not_judged() -> None:
    snippet = HEAD + "    environment:\n      DJANGO_DEBUG: '1'\n"
    for name in ("docker-compose.yml", "compose.override.yaml", "docker-compose.prod.local.yml", None):
        assert findings_of("DC065", snippet, "compose", name) == []
    assert findings_of("DC065", snippet, "compose", "compose.production.yaml") == [(5, 21)]


def test_a_service_whose_environment_says_production_is_judged_in_any_file() -> None:
    snippet = HEAD + "    environment:\n      RAILS_ENV: production\n      DEBUG: '1'\n"
    assert findings_of("DC065", snippet, "compose", "docker-compose.yml") == [(6, 14)]
    assert findings_of("DC065", snippet, "compose", "compose.override.yaml") == []
