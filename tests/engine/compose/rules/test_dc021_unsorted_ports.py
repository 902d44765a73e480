from tests.engine.rule_table import rule_table

HEAD = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    (HEAD + "    ports:\n      - '8443:443'\n      - '8080:80'\n", 4, 5),
    (HEAD + "    ports: ['9000:9000', '127.0.0.1:80:80']\n", 4, 5),
]
NEAR_MISSES = [
    HEAD + "    ports:\n      - '443:443'\n      - '8080:80'\n",
    HEAD + "    ports:\n      - '80:80'\n      - '443:443'\n      - '8080:8080'\n",
    HEAD + "    ports: ['8443:443', '8080:80']  # dockwright ignore=DC021\n",
]

test_triggers, test_near_misses = rule_table("DC021", TRIGGERS, NEAR_MISSES, kind="compose")
