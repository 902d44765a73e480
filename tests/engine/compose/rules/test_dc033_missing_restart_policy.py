from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: nginx:1.27\n", 2, 3),
    ("services:\n  web:\n    image: nginx:1.27\n    restart: always\n  worker:\n    image: x:1\n", 5, 3),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n    restart: 'no'\n",
    "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n",
    "services:\n  app:\n    image: x:1\n    restart: always\n    depends_on:\n      migrate:\n"
    "        condition: service_completed_successfully\n  migrate:\n    image: x:1\n",
    "services:\n  web:  # dockwright ignore=DC033\n    image: nginx:1.27\n",
]

test_triggers, test_near_misses = rule_table("DC033", TRIGGERS, NEAR_MISSES, kind="compose")
