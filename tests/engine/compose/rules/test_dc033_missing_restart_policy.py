from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: nginx:1.27\n", 2, 3),
    ("services:\n  web:\n    image: nginx:1.27\n    restart: always\n  worker:\n    image: x:1\n", 5, 3),
    (
        "services:\n  db:\n    image: postgres:17\n    healthcheck:\n      test: [CMD, pg_isready]\n  web:\n"
        "    image: nginx:1.27\n    restart: unless-stopped\n    depends_on:\n      db:\n"
        "        condition: service_healthy\n",
        2,
        3,
    ),
    ("services:\n  web:\n    image: nginx:1.27\n    deploy:\n      replicas: 2\n", 2, 3),
    (
        "services:\n  app:\n    image: x:1\n    restart: always\n    depends_on:\n      migrate:\n"
        "        condition: service_started\n  migrate:\n    image: x:1\n",
        8,
        3,
    ),
    (
        "x-defaults: &defaults\n  logging:\n    driver: local\nservices:\n  web:\n    <<: *defaults\n"
        "    image: nginx:1.27\n",
        5,
        3,
    ),
    ("services:\n  web:\n    image: nginx:1.27\n    labels:\n      restart: always\n", 2, 3),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n    restart: 'no'\n",
    "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        condition: on-failure\n",
    "services:\n  app:\n    image: x:1\n    restart: always\n    depends_on:\n      migrate:\n"
    "        condition: service_completed_successfully\n  migrate:\n    image: x:1\n",
    "services:\n  web:  # dockwright ignore=DC033\n    image: nginx:1.27\n",
    "services:\n  # dockwright ignore=missing-restart-policy\n  web:\n    image: nginx:1.27\n",
    "x-defaults: &defaults\n  restart: unless-stopped\nservices:\n  web:\n    <<: *defaults\n    image: nginx:1.27\n",
    "services:\n  web:\n    image: nginx:1.27\n    restart: ${RESTART_POLICY:-unless-stopped}\n",
    "services:\n  web:\n    image: nginx:1.27\n    restart: on-failure:5\n",
    "services:\n  web:\n    image: nginx:1.27\n    restart: no\n",
    "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy:\n        max_attempts: 3\n",
    "services:\n  web:\n    image: nginx:1.27\n    deploy:\n      restart_policy: {}\n",
]

test_triggers, test_near_misses = rule_table("DC033", TRIGGERS, NEAR_MISSES, kind="compose")
