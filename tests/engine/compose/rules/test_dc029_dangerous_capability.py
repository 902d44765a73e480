from tests.engine.rule_table import rule_table

HEAD = "services:\n  app:\n    image: x:1\n"
TRIGGERS = [
    (HEAD + "    cap_add:\n      - SYS_ADMIN\n", 5, 9),
    (HEAD + "    cap_add: [ALL]\n", 4, 15),
    (HEAD + "    cap_add:\n      - NET_ADMIN\n      - CAP_SYS_PTRACE\n", 6, 9),
    (HEAD + "    cap_add: [sys_admin]\n", 4, 15),
    (HEAD + "    cap_add:\n      - 'CAP_SYS_MODULE'\n", 5, 9),
    (HEAD + "    cap_add:\n      - NET_ADMIN\n      - SYS_RAWIO\n", 6, 9),
    (HEAD + "    cap_add:\n      - DAC_READ_SEARCH\n", 5, 9),
    (HEAD + "    cap_add:\n      - ${EXTRA_CAP:-SYS_ADMIN}\n", 5, 9),
    ("x-caps: &caps\n  cap_add: [SYS_PTRACE]\nservices:\n  app:\n    <<: *caps\n    image: x:1\n", 2, 13),
]
NEAR_MISSES = [
    HEAD + "    cap_add: [NET_BIND_SERVICE]\n",
    HEAD + "    cap_drop: [ALL]\n",
    HEAD + "    cap_add:\n      - SYS_ADMIN  # dockwright ignore=DC029\n",
    HEAD + "    cap_add:\n      - SYS_ADMIN  # dockwright ignore=dangerous-capability\n",
    HEAD + "    cap_drop: [ALL]\n    cap_add: [CHOWN, SETUID, SETGID]\n",
    HEAD + "    cap_add: [NET_ADMIN, NET_RAW]\n",
    HEAD + "    cap_add: [SYS_TIME, SYS_NICE]\n",
    HEAD + "    cap_drop: [SYS_ADMIN, SYS_PTRACE]\n",
]

test_triggers, test_near_misses = rule_table("DC029", TRIGGERS, NEAR_MISSES, kind="compose")
