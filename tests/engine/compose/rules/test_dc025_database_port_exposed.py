from tests.engine.rule_table import rule_table

HEAD = "services:\n  db:\n    image: postgres:17\n    ports:\n"
TRIGGERS = [
    (HEAD + "      - '5432:5432'\n", 5, 9),
    (HEAD + "      - 15432:5432\n", 5, 9),
    (HEAD + "      - '0.0.0.0:6379:6379'\n", 5, 9),
    (HEAD + "      - '27017'\n", 5, 9),
    (HEAD + "      - target: 9200\n        published: 9200\n", 5, 9),
]
NEAR_MISSES = [
    HEAD + "      - '127.0.0.1:5432:5432'\n",
    HEAD + "      - '5432:8080'\n",
    HEAD + "      - target: 3306\n        published: 3306\n        host_ip: 127.0.0.1\n",
    "services:\n  db:\n    image: postgres:17\n    expose: ['5432']\n",
    HEAD + "      - '5432:5432'  # dockwright ignore=DC025\n",
]

test_triggers, test_near_misses = rule_table("DC025", TRIGGERS, NEAR_MISSES, kind="compose")
