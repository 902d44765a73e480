from tests.engine.rule_table import rule_table

HEAD = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    (HEAD + "    ports:\n      - '8443:443'\n      - '8080:80'\n", 4, 5),
    (HEAD + "    ports: ['9000:9000', '127.0.0.1:80:80']\n", 4, 5),
    (HEAD + "    ports:\n      - '10000:10000'\n      - '9000:9000'\n", 4, 5),
    (
        HEAD
        + "    ports:\n      - target: 443\n        published: 8443\n      - target: 80\n        published: 8080\n",
        4,
        5,
    ),
    (HEAD + "    ports:\n      - '127.0.0.1:8443:443'\n      - '127.0.0.1:8080:80'\n", 4, 5),
    (HEAD + "    ports:\n      - '${HTTPS_PORT:-8443}:443'\n      - '${HTTP_PORT:-8080}:80'\n", 4, 5),
]
NEAR_MISSES = [
    HEAD + "    ports:\n      - '443:443'\n      - '8080:80'\n",
    HEAD + "    ports:\n      - '80:80'\n      - '443:443'\n      - '8080:8080'\n",
    HEAD + "    ports: ['8443:443', '8080:80']  # dockwright ignore=DC021\n",
    HEAD + "    ports:\n      - '9000:9000'\n      - '10000:10000'\n",
    HEAD + "    ports:\n      - '53:53/tcp'\n      - '53:53/udp'\n",
    HEAD + "    ports:\n      - '8080:80'\n      - target: 443\n        published: 8443\n",
    HEAD + "    ports:\n      - '8080:80'\n      - '8443:443'\n    expose: ['9000', '3000']\n",
    HEAD
    + "    # dockwright ignore=service-ports-alphabetical-order\n    ports:\n      - '8443:443'\n      - '8080:80'\n",
]

test_triggers, test_near_misses = rule_table("DC021", TRIGGERS, NEAR_MISSES, kind="compose")
