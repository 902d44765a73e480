from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: nginx:1.27\n    enviroment:\n      A: b\n", 4, 5),
    ("services:\n  web:\n    image: 12\n", 3, 12),
    ("services:\n  web:\n    image: nginx:1.27\n    ports: 80\n", 4, 12),
    ("services:\n  web:\n    image: nginx:1.27\n    restart: true\n", 4, 14),
    ("serivces:\n  web:\n    image: nginx:1.27\n", 1, 1),
    ("services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        restart: true\n", 5, 7),
    ("services:\n  web:\n    build: 5\n", 3, 12),
    ("services:\n  web:\n    image: nginx:1.27\n    cap_add: [NET_ADMIN, NET_ADMIN]\n", 4, 14),
    # an unknown key merged in from an anchor is reported where it is written
    ("x-base: &base\n  imagee: nginx:1.27\nservices:\n  web:\n    <<: *base\n", 2, 3),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n    x-custom: anything\n",
    "x-anything: [1, 2]\nservices:\n  web:\n    image: nginx:1.27\n",
    "services:\n  web:\n    image: nginx:1.27\n    ports: ['8080:80', {target: 443, published: 8443}]\n",
    "services:\n  web:\n    image: nginx:1.27\n    restart: ${RESTART:-always}\n",
    "services:\n  web:\n    image: nginx:1.27\n    # dockwright ignore=DC003\n    enviroment:\n      A: b\n",
    "services:\n  web:\n    image: nginx:1.27\n    enviroment: {A: b}  # dockwright ignore=schema-violation\n",
]

test_triggers, test_near_misses = rule_table("DC003", TRIGGERS, NEAR_MISSES, kind="compose")
