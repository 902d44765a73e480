from tests.engine.rule_table import rule_table

HEAD = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    (HEAD + "    ports:\n      - 8080:80\n", 5, 9),
    (HEAD + "    ports:\n      - 80\n", 5, 9),
    (HEAD + "    expose:\n      - 3000\n", 5, 9),
    (HEAD + "    ports: ['443:443', 8080:80]\n", 4, 24),
    (HEAD + "    ports:\n      - 22:22\n", 5, 9),
    (HEAD + "    ports:\n      - 127.0.0.1:8080:80\n", 5, 9),
    (HEAD + "    ports:\n      - ${HTTP_PORT:-8080}:80\n", 5, 9),
    (HEAD + "    ports:\n      - 8000-8010:8000-8010\n", 5, 9),
    (HEAD + "    ports:\n      - 53:53/udp\n", 5, 9),
    (HEAD + "    expose: [3000, '3001']\n", 4, 14),
    ("x-ports: &ports\n  - 8080:80\nservices:\n  web:\n    image: nginx:1.27\n    ports: *ports\n", 2, 5),
]
NEAR_MISSES = [
    HEAD + "    ports:\n      - '8080:80'\n",
    HEAD + '    ports:\n      - "8080:80"\n',
    HEAD + "    ports:\n      - target: 80\n        published: 8080\n",
    HEAD + "    ports:\n      - 8080:80  # dockwright ignore=DC016\n",
    HEAD + "    ports:\n      - 8080:80  # dockwright ignore=require-quotes-in-ports\n",
    HEAD + "    ports:\n      - '127.0.0.1:8080:80'\n      - \"443:443/tcp\"\n",
    HEAD + "    expose:\n      - '3000'\n",
    HEAD + "    ports:\n      - >-\n        8080:80\n",
    "x-ports: &ports\n  - '8080:80'\nservices:\n  web:\n    image: nginx:1.27\n    ports: *ports\n",
    HEAD + "    environment:\n      PORT: 8080\n    labels:\n"
    "      - traefik.http.services.web.loadbalancer.server.port=80\n",
]

test_triggers, test_near_misses = rule_table("DC016", TRIGGERS, NEAR_MISSES, kind="compose")

# `quote: double` (dclint's quoteType): single-quoted ports are reported too, and the fix writes double quotes.
DOUBLE = {"DC016": {"quote": "double"}}
test_double_triggers, test_double_near_misses = rule_table(
    "DC016",
    [(HEAD + "    ports:\n      - '8080:80'\n", 5, 9), (HEAD + "    expose: [3000]\n", 4, 14)],
    [HEAD + '    ports:\n      - "8080:80"\n', HEAD + "    ports:\n      - target: 80\n        published: 8080\n"],
    kind="compose",
    rule_options=DOUBLE,
)


def test_the_fix_writes_the_configured_quotes() -> None:
    from dockwright.lint import lint

    text = HEAD + "    ports:\n      - '8080:80'\n      - 443:443\n"
    config = {"enable": ["DC016"], "shellcheck": False, "rule_options": DOUBLE}
    findings = [f for f in lint(text, kind="compose", config=config).findings if f.rule == "DC016"]
    assert [e.replacement for f in findings if f.fix for e in f.fix.edits] == ['"8080:80"', '"443:443"']
