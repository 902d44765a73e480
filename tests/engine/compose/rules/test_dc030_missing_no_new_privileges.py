from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  app:\n    image: x:1\n", 2, 3),
    ("services:\n  app:\n    image: x:1\n    security_opt:\n      - seccomp:unconfined\n", 4, 5),
    ("services:\n  app:\n    image: x:1\n    security_opt: ['no-new-privileges:false']\n", 4, 5),
    (
        "services:\n  app:\n    image: x:1\n    security_opt:\n      - no-new-privileges:false\n"
        "      - apparmor:docker-default\n",
        4,
        5,
    ),
    (
        "services:\n  web:\n    image: nginx:1.27\n    restart: always\n  worker:\n    image: x:1\n"
        "    security_opt: [no-new-privileges:true]\n",
        2,
        3,
    ),
    ("services:\n  app:\n    image: x:1\n    security_opt: []\n", 4, 5),
]
NEAR_MISSES = [
    "services:\n  app:\n    image: x:1\n    security_opt:\n      - no-new-privileges:true\n",
    "services:\n  app:\n    image: x:1\n    security_opt: [no-new-privileges]\n",
    "services:\n  app:\n    image: x:1\n    security_opt: ['label:disable', 'no-new-privileges=true']\n",
    "services:\n  # dockwright ignore=DC030\n  app:\n    image: x:1\n",
    'services:\n  app:\n    image: x:1\n    security_opt:\n      - "no-new-privileges:true"\n',
    "services:\n  app:\n    image: x:1\n    security_opt:\n      - seccomp:./seccomp.json\n"
    "      - no-new-privileges:true\n",
    "services:\n  app:\n    image: x:1\n    security_opt:\n      - no-new-privileges:${NNP:-true}\n",
    "x-security: &security\n  security_opt: [no-new-privileges:true]\nservices:\n  app:\n    <<: *security\n"
    "    image: x:1\n",
    "services:\n  app:\n    image: x:1\n    security_opt:  # dockwright ignore=missing-no-new-privileges\n"
    "      - seccomp:unconfined\n",
]

test_triggers, test_near_misses = rule_table("DC030", TRIGGERS, NEAR_MISSES, kind="compose")
