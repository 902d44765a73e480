from tests.engine.rule_table import rule_table

HEAD = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    (HEAD + "    depends_on:\n      - redis\n      - db\n", 4, 5),
    (HEAD + "    depends_on: [b, a]\n", 4, 5),
    (
        HEAD + "    depends_on:\n      z:\n        condition: service_started\n      a:\n"
        "        condition: service_started\n",
        4,
        5,
    ),
]
NEAR_MISSES = [
    HEAD + "    depends_on: [db, redis]\n",
    HEAD + "    depends_on: [api, Backend, cache]\n",
    HEAD + "    depends_on: [db]\n",
    HEAD + "    depends_on: [b, a]  # dockwright ignore=DC018\n",
]

test_triggers, test_near_misses = rule_table("DC018", TRIGGERS, NEAR_MISSES, kind="compose")
