from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  app:\n    build: .\n    image: example/app:1.0\n", 3, 5),
    ("services:\n  app:\n    image: example/app:1.0\n    build:\n      context: ./app\n", 4, 5),
]
NEAR_MISSES = [
    "services:\n  app:\n    build: .\n",
    "services:\n  app:\n    image: example/app:1.0\n",
    "services:\n  app:\n    build: .\n    image: example/app:1.0\n    pull_policy: build\n",
    "services:\n  app:\n    build: .  # dockwright ignore=DC012\n    image: example/app:1.0\n",
]

test_triggers, test_near_misses = rule_table("DC012", TRIGGERS, NEAR_MISSES, kind="compose")
