from tests.engine.rule_table import rule_table

HEAD = "services:\n  db:\n    image: postgres:17\n    volumes:\n"
TRIGGERS = [
    (HEAD + '      - "./data:/var/lib/postgresql/data"\n', 5, 9),
    (HEAD + "      - './data:/data:ro'\n", 5, 9),
    (HEAD + "      - ./a:/a\n      - '/b:/b'\n", 6, 9),
]
NEAR_MISSES = [
    HEAD + "      - ./data:/var/lib/postgresql/data\n",
    HEAD + "      - type: bind\n        source: './data'\n        target: /data\n",
    "services:\n  db:\n    image: postgres:17\nvolumes:\n  'data': {}\n",
    HEAD + '      - "./data:/data"  # dockwright ignore=DC013\n',
]

test_triggers, test_near_misses = rule_table("DC013", TRIGGERS, NEAR_MISSES, kind="compose")
