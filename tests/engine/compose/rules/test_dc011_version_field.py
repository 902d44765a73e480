from tests.engine.rule_table import rule_table

WEB = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    ("version: '3.8'\nservices:\n  web:\n    image: nginx:1.27\n", 1, 1),
    ('services:\n  web:\n    image: nginx:1.27\nversion: "2"\n', 4, 1),
    ("# header\nversion: 3  # old\nservices: {}\n", 2, 1),
    ('version: "3.9"\n\n' + WEB, 1, 1),
    ("---\nversion: '3'\n" + WEB, 2, 1),
    ("version: ${COMPOSE_VERSION:-3.8}\n" + WEB, 1, 1),
    ("{version: '3.8', services: {web: {image: 'nginx:1.27'}}}\n", 1, 2),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n    environment:\n      version: '3'\n",
    "services:\n  version:\n    image: nginx:1.27\n",
    "# dockwright ignore=no-version-field\nversion: '3.8'\nservices: {}\n",
    "# version: '3.8'\n" + WEB,
    "name: version\n" + WEB,
    "x-version: &v '3.8'\n" + WEB + "    labels:\n      version: *v\n",
    WEB + "    build:\n      context: .\n      args:\n        version: '3.8'\n",
    "version: '3.8'  # dockwright ignore=DC011\n" + WEB,
]

test_triggers, test_near_misses = rule_table("DC011", TRIGGERS, NEAR_MISSES, kind="compose")
