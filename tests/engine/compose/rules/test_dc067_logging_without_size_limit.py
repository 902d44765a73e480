from tests.engine.rule_table import findings_of, rule_table

HEAD = "services:\n  web:\n    image: example/web:1.0\n    restart: always\n"
TRIGGERS = [
    (HEAD + "    logging:\n      driver: json-file\n", 5, 5),
    (HEAD + "    logging:\n      options:\n        max-file: '3'\n", 5, 5),
    (HEAD + "    logging:\n      driver: json-file\n      options:\n        compress: 'true'\n", 5, 5),
    ("x-logging: &logging\n  driver: json-file\nservices:\n  web:\n    image: example/web:1.0\n"
     "    logging: *logging\n", 6, 5),
]  # fmt: skip
NEAR_MISSES = [
    HEAD + "    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n",
    HEAD + "    logging:\n      driver: local\n",
    HEAD + "    logging:\n      driver: syslog\n",
    HEAD + "    logging:\n      driver: ${LOG_DRIVER}\n",
    HEAD,
    "services:\n  migrate:\n    image: example/web:1.0\n    restart: 'no'\n    logging:\n      driver: json-file\n",
    HEAD + "    logging:  # dockwright ignore=DC067\n      driver: json-file\n",
]

test_triggers, test_near_misses = rule_table(
    "DC067", TRIGGERS, NEAR_MISSES, kind="compose", filename="docker-compose.prod.yml"
)


def test_a_file_not_named_for_production_is_not_judged() -> None:
    snippet = HEAD + "    logging:\n      driver: json-file\n"
    assert findings_of("DC067", snippet, "compose", "docker-compose.yml") == []


def test_a_service_whose_environment_says_production_is_judged_in_any_file() -> None:
    snippet = HEAD + "    environment:\n      APP_ENV: prod\n    logging:\n      driver: json-file\n"
    assert findings_of("DC067", snippet, "compose", "docker-compose.yml") == [(7, 5)]
