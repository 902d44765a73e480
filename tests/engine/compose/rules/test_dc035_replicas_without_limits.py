from tests.engine.rule_table import rule_table

HEAD = "services:\n  worker:\n    image: x:1\n    deploy:\n"
TRIGGERS = [
    (HEAD + "      replicas: 3\n", 5, 17),
    (HEAD + "      replicas: 2\n      resources:\n        reservations:\n          memory: 128M\n", 5, 17),
]
NEAR_MISSES = [
    HEAD + "      replicas: 1\n",
    HEAD + "      replicas: 3\n      resources:\n        limits:\n          memory: 256M\n",
    "services:\n  worker:\n    image: x:1\n    mem_limit: 256m\n    deploy:\n      replicas: 3\n",
    HEAD + "      replicas: 3  # dockwright ignore=DC035\n",
]

test_triggers, test_near_misses = rule_table("DC035", TRIGGERS, NEAR_MISSES, kind="compose")
