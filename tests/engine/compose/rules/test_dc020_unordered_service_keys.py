from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  web:\n    ports: ['80:80']\n    image: nginx:1.27\n", 4, 5),
    ("services:\n  web:\n    image: nginx:1.27\n    user: app\n    restart: always\n", 5, 5),
    ("services:\n  web:\n    image: nginx:1.27\n    zzz_custom: 1\n    environment: {}\n", 5, 5),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    volumes: []\n    environment: {}\n"
    "    ports: []\n    command: run\n    restart: always\n    labels: {}\n    user: app\n  db:\n    image: x:1\n",
    "services:\n  web:\n    image: nginx:1.27\n    cpus: 1\n    mem_limit: 1g\n",
    "services:\n  web:\n    ports: ['80:80']\n    # dockwright ignore=DC020\n    image: nginx:1.27\n",
]

test_triggers, test_near_misses = rule_table("DC020", TRIGGERS, NEAR_MISSES, kind="compose")
