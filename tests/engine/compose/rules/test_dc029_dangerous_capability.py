from tests.engine.rule_table import rule_table

HEAD = "services:\n  app:\n    image: x:1\n"
TRIGGERS = [
    (HEAD + "    cap_add:\n      - SYS_ADMIN\n", 5, 9),
    (HEAD + "    cap_add: [ALL]\n", 4, 15),
    (HEAD + "    cap_add:\n      - NET_ADMIN\n      - CAP_SYS_PTRACE\n", 6, 9),
]
NEAR_MISSES = [
    HEAD + "    cap_add: [NET_BIND_SERVICE]\n",
    HEAD + "    cap_drop: [ALL]\n",
    HEAD + "    cap_add:\n      - SYS_ADMIN  # dockwright ignore=DC029\n",
]

test_triggers, test_near_misses = rule_table("DC029", TRIGGERS, NEAR_MISSES, kind="compose")
