from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: [nginx\n", 4, 1),
    ("services:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n", 4, 5),
    ("services:\n\tweb:\n", 2, 1),
    ("services:\n  web: *missing\n", 2, 8),
    ("x: &a [*a]\n", 1, 8),
    ("services: {}\n---\nservices: {}\n", 2, 1),
    ("services:\n  web:\n    image: 'unterminated\n", 4, 1),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n",
    "x-base: &base\n  image: nginx:1.27\nservices:\n  web:\n    <<: *base\n    image: nginx:1.26\n",
    "# dockwright ignore=DC001\nservices:\n  web:\n    image: nginx:1.27\n    image: nginx:1.26\n",
    "---\nservices: {}\n",
]

test_triggers, test_near_misses = rule_table("DC001", TRIGGERS, NEAR_MISSES, kind="compose")
