from tests.engine.rule_table import rule_table

HEAD = "services:\n  worker:\n    image: x:1\n    deploy:\n"
TRIGGERS = [
    (HEAD + "      replicas: 3\n", 5, 17),
    (HEAD + "      replicas: 2\n      resources:\n        reservations:\n          memory: 128M\n", 5, 17),
    (HEAD + "      mode: replicated\n      replicas: 4\n      restart_policy:\n        condition: on-failure\n", 6, 17),
    (HEAD + "      replicas: 2\n      resources:\n        limits: {}\n", 5, 17),
    ("x-deploy: &deploy\n  replicas: 3\nservices:\n  worker:\n    image: x:1\n    deploy: *deploy\n", 2, 13),
    ("services:\n  worker:\n    image: x:1\n    mem_reservation: 128m\n    deploy:\n      replicas: 3\n", 6, 17),
    # Compose converts a quoted or interpolated count; `scale` asks for replicas too.
    (HEAD + "      replicas: '3'\n", 5, 17),
    (HEAD + "      replicas: ${WORKERS:-3}\n", 5, 17),
    (HEAD + '      replicas: "+2"\n', 5, 17),
    ("services:\n  worker:\n    image: x:1\n    scale: 3\n", 4, 12),
    ("services:\n  worker:\n    image: x:1\n    scale: '2'\n    deploy:\n      mode: replicated\n", 4, 12),
]
NEAR_MISSES = [
    HEAD + "      replicas: 1\n",
    HEAD + "      replicas: 3\n      resources:\n        limits:\n          memory: 256M\n",
    "services:\n  worker:\n    image: x:1\n    mem_limit: 256m\n    deploy:\n      replicas: 3\n",
    HEAD + "      replicas: 3  # dockwright ignore=DC035\n",
    "services:\n  worker:\n    image: x:1\n    deploy:\n      # dockwright ignore=replicas-without-limits\n"
    "      replicas: 3\n",
    HEAD + "      replicas: 3\n      resources:\n        limits:\n          cpus: '0.5'\n",
    "services:\n  worker:\n    image: x:1\n    cpus: 0.5\n    deploy:\n      replicas: 3\n",
    "x-limits: &limits\n  resources:\n    limits:\n      memory: 256M\nservices:\n  worker:\n"
    "    image: x:1\n    deploy:\n"
    "      <<: *limits\n      replicas: 3\n",
    HEAD + "      mode: global\n",
    HEAD + "      replicas: ${WORKERS:-1}\n",
    HEAD + "      replicas: ${WORKERS}\n",
    HEAD + "      replicas: '1'\n",
    HEAD + "      replicas: three\n",
    "services:\n  worker:\n    image: x:1\n    scale: 1\n",
    "services:\n  worker:\n    image: x:1\n    scale: 3\n    mem_limit: 256m\n",
    "services:\n  worker:\n    image: x:1\n    scale: 3\n    deploy:\n      resources:\n        limits:\n"
    "          memory: 256M\n",
]

test_triggers, test_near_misses = rule_table("DC035", TRIGGERS, NEAR_MISSES, kind="compose")
