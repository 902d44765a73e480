from dockwright.lint import lint
from tests.engine.rule_table import rule_table

HEAD = "services:\n  web:\n    image: nginx:1.27\n    ports:\n"
TRIGGERS = [
    (HEAD + "      - '8080:80'\n", 5, 9),
    (HEAD + "      - 80\n", 5, 9),
    (HEAD + "      - target: 80\n        published: 8080\n", 5, 9),
    (HEAD + "      - '127.0.0.1:8443:443'\n      - '8080:80/udp'\n", 6, 9),
    (HEAD + '      - "${HTTP_PORT:-8080}:80"\n', 5, 9),
    ("services:\n  web:\n    image: nginx:1.27\n    ports: ['80:80', '443:443']\n", 4, 22),
    (HEAD + "      - '8000-8010:8000-8010'\n", 5, 9),
    (HEAD + '      - target: 80\n        published: "8080"\n        protocol: tcp\n        mode: host\n', 5, 9),
]
NEAR_MISSES = [
    HEAD + "      - '127.0.0.1:8080:80'\n",
    HEAD + "      - '0.0.0.0:8080:80'\n",
    HEAD + "      - '[::1]:8080:80'\n",
    HEAD + "      - target: 80\n        published: 8080\n        host_ip: 127.0.0.1\n",
    "services:\n  web:\n    image: nginx:1.27\n    expose: ['80']\n",
    "# dockwright ignore=DC014\nservices:\n  web:\n    image: nginx:1.27\n    ports: ['80:80']\n",
    HEAD + "      - '${BIND_IP:-127.0.0.1}:8080:80'\n",
    HEAD + "      - '127.0.0.1::80'\n",
    HEAD + "      - '8080:80'  # dockwright ignore=no-unbound-port-interfaces\n",
]

test_triggers, test_near_misses = rule_table("DC014", TRIGGERS, NEAR_MISSES, kind="compose")


DATABASE = "services:\n  db:\n    image: postgres:17.2\n    ports:\n      - '5432:5432'\n      - '8080:8080'\n"


def test_a_database_port_is_reported_once_by_dc025() -> None:
    rules = [(f.rule, f.line) for f in lint(DATABASE, kind="compose").findings if f.rule in ("DC014", "DC025")]
    assert rules == [("DC025", 5), ("DC014", 6)]


def test_without_dc025_the_database_port_is_dc014s() -> None:
    for config in ({"ignore": ["DC025"]}, {"severity": {"DC025": "none"}}):
        found = [f.line for f in lint(DATABASE, kind="compose", config=config).findings if f.rule == "DC014"]
        assert found == [5, 6]
