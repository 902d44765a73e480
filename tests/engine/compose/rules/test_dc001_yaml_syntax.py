from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: [nginx\n", 4, 1),
    ("services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n", 4, 5),
    ("services:\n\tweb:\n", 2, 1),
    ("services:\n  web: *missing\n", 2, 8),
    ("x: &a [*a]\n", 1, 8),
    ("services: {}\n---\nservices: {}\n", 2, 1),
    ("services:\n  web:\n    image: 'unterminated\n", 4, 1),
    ("services:\n  web:\n    image: nginx:1.27\n    environment:\n      A: 1\n      A: 2\n", 6, 7),
    ("services:\n  web:\n    image: nginx:1.27\n  web:\n    image: nginx:1.26\n", 4, 3),
    ("services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '80:80'\n     - '443:443'\n", 6, 6),
    ("services:\n  web:\n  image: nginx:1.27\n    ports: []\n", 4, 10),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n",
    "x-base: &base\n  image: nginx:1.27\nservices:\n  web:\n    <<: *base\n    image: nginx:1.26\n",
    "# dockwright ignore=DC001\nservices:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n",
    "---\nservices: {}\n",
    "x-a: &a\n  image: x:1\nx-b: &b\n  restart: always\nservices:\n  web:\n    <<: [*a, *b]\n    image: y:1\n",
    'services:\n  web:\n    image: nginx:1.27\n    command: "echo\\ttab"\n',
    "services:\n  web:\n    image: nginx:1.27\n    environment:\n      URL: 'http://db:5432/app'\n",
    "services:\n  web:\n    image: nginx:1.27\n    command: >\n      run\n      --all\n",
    "services:\n  web:\n    image: nginx:1.27\n    # dockwright ignore=invalid-yaml\n    image: nginx:1.26\n",
]

test_triggers, test_near_misses = rule_table("DC001", TRIGGERS, NEAR_MISSES, kind="compose")
