from tests.engine.rule_table import rule_table

HEAD = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    (HEAD + "    container_name: my web\n", 4, 21),
    (HEAD + "    container_name: -web\n", 4, 21),
    (HEAD + "    container_name: w\n", 4, 21),
    (HEAD + "    container_name: 'web/1'\n", 4, 21),
]
NEAR_MISSES = [
    HEAD + "    container_name: my-web_1.prod\n",
    HEAD + "    container_name: ${NAME}\n",
    HEAD + "    container_name: my web  # dockwright ignore=DC017\n",
]

test_triggers, test_near_misses = rule_table("DC017", TRIGGERS, NEAR_MISSES, kind="compose")
