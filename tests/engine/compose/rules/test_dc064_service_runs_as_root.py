from tests.engine.rule_table import rule_table

HEAD = "services:\n  app:\n    image: example/app:1.0\n"
TRIGGERS = [
    (HEAD + "    user: root\n", 4, 11),
    (HEAD + "    user: '0'\n", 4, 11),
    (HEAD + "    user: 0:0\n", 4, 11),
    (HEAD + "    user: root:www-data\n", 4, 11),
    (HEAD + "    user: ${APP_USER:-root}\n", 4, 11),
]
NEAR_MISSES = [
    HEAD + "    user: '1000:1000'\n",
    HEAD + "    user: app\n",
    HEAD + "    user: rootless\n",
    HEAD + "    user: '1000:0'\n",
    HEAD + "    user: ${UID}:${GID}\n",
    HEAD + "    user: root  # dockwright ignore=service-runs-as-root\n",
    HEAD + "    environment:\n      USER: root\n",
]

test_triggers, test_near_misses = rule_table("DC064", TRIGGERS, NEAR_MISSES, kind="compose")
