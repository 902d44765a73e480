from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("version: '3.8'\nservices:\n  web:\n    image: nginx:1.27\n", 1, 1),
    ('services:\n  web:\n    image: nginx:1.27\nversion: "2"\n', 4, 1),
    ("# header\nversion: 3  # old\nservices: {}\n", 2, 1),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n    environment:\n      version: '3'\n",
    "services:\n  version:\n    image: nginx:1.27\n",
    "# dockwright ignore=no-version-field\nversion: '3.8'\nservices: {}\n",
]

test_triggers, test_near_misses = rule_table("DC011", TRIGGERS, NEAR_MISSES, kind="compose")
