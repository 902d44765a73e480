from tests.engine.rule_table import rule_table

A = "services:\n  a:\n    image: x:1\n    ports:\n      - '8080:80'\n"
TRIGGERS = [
    (A + "  b:\n    image: y:1\n    ports:\n      - '8080:8080'\n", 9, 9),
    (A + "  b:\n    image: y:1\n    ports:\n      - '127.0.0.1:8080:80'\n", 9, 9),
    (A + "  b:\n    image: y:1\n    ports:\n      - target: 80\n        published: 8080\n", 9, 9),
    (A + "  b:\n    image: y:1\n    ports:\n      - '8000-8100:8000-8100'\n", 9, 9),
    (A + "      - '8080:81'\n", 6, 9),
]
NEAR_MISSES = [
    A + "  b:\n    image: y:1\n    ports:\n      - '8081:80'\n",
    A + "  b:\n    image: y:1\n    ports:\n      - '8080:80/udp'\n",
    "services:\n  a:\n    image: x:1\n    ports: ['127.0.0.1:8080:80']\n  b:\n    image: y:1\n"
    "    ports: ['127.0.0.2:8080:80']\n",
    A + "  b:\n    image: y:1\n    ports:\n      - '80'\n",
    A + "  b:\n    image: y:1\n    ports:\n      - '8080:80'  # dockwright ignore=no-duplicate-exported-ports\n",
]

test_triggers, test_near_misses = rule_table("DC009", TRIGGERS, NEAR_MISSES, kind="compose")
