from tests.engine.rule_table import rule_table

HEAD = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    (HEAD + "    depends_on:\n      - redis\n      - db\n", 4, 5),
    (HEAD + "    depends_on: [b, a]\n", 4, 5),
    (
        HEAD + "    depends_on:\n      z:\n        condition: service_started\n      a:\n"
        "        condition: service_started\n",
        4,
        5,
    ),
    (HEAD + "    depends_on: [worker, api, cache]\n", 4, 5),
    (HEAD + "    depends_on: [db-replica, db]\n", 4, 5),
    (HEAD + "    depends_on: [Redis, api]\n", 4, 5),
    ("x-deps: &deps\n  depends_on: [redis, db]\nservices:\n  web:\n    <<: *deps\n    image: nginx:1.27\n", 2, 3),
    (
        HEAD + "    depends_on:\n      - redis\n      - db\n  worker:\n    image: x:1\n    depends_on: [db, redis]\n",
        4,
        5,
    ),
]
NEAR_MISSES = [
    HEAD + "    depends_on: [db, redis]\n",
    HEAD + "    depends_on: [api, Backend, cache]\n",
    HEAD + "    depends_on: [db]\n",
    HEAD + "    depends_on: [b, a]  # dockwright ignore=DC018\n",
    HEAD + "    depends_on: [redis, db]  # dockwright ignore=service-dependencies-alphabetical-order\n",
    HEAD + "    depends_on: [db, db-replica]\n",
    HEAD + "    depends_on: [api, Redis]\n",
    HEAD + "    depends_on:\n      db:\n        condition: service_healthy\n      redis:\n"
    "        condition: service_started\n",
    HEAD + "    depends_on: [cache]\n    links: [redis, db]\n",
]

test_triggers, test_near_misses = rule_table("DC018", TRIGGERS, NEAR_MISSES, kind="compose")
