from tests.engine.rule_table import rule_table

HEAD = "services:\n  app:\n    image: x:1\n"
TRIGGERS = [
    (HEAD + "    network_mode: host\n", 4, 19),
    (HEAD + "    pid: host\n", 4, 10),
    (HEAD + "    ipc: 'host'\n", 4, 10),
    (HEAD + "    userns_mode: host\n", 4, 18),
]
NEAR_MISSES = [
    HEAD + "    network_mode: bridge\n",
    HEAD + "    pid: service:other\n  other:\n    image: x:1\n",
    HEAD + "    ipc: shareable\n",
    HEAD + "    network_mode: host  # dockwright ignore=DC028\n",
]

test_triggers, test_near_misses = rule_table("DC028", TRIGGERS, NEAR_MISSES, kind="compose")
