from tests.engine.rule_table import rule_table

HEAD = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    (HEAD + "    ports:\n      - 8080:80\n", 5, 9),
    (HEAD + "    ports:\n      - 80\n", 5, 9),
    (HEAD + "    expose:\n      - 3000\n", 5, 9),
    (HEAD + "    ports: ['443:443', 8080:80]\n", 4, 24),
]
NEAR_MISSES = [
    HEAD + "    ports:\n      - '8080:80'\n",
    HEAD + '    ports:\n      - "8080:80"\n',
    HEAD + "    ports:\n      - target: 80\n        published: 8080\n",
    HEAD + "    ports:\n      - 8080:80  # dockwright ignore=DC016\n",
]

test_triggers, test_near_misses = rule_table("DC016", TRIGGERS, NEAR_MISSES, kind="compose")
