from tests.engine.dockerfile.rules.fixing import findings_for
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM nginx:1.27\nEXPOSE 80800\n", 2, 8),
    ("FROM nginx:1.27\nEXPOSE 80 http\n", 2, 11),
    ("FROM nginx:1.27\nEXPOSE 8000-7000\n", 2, 8),
    ("FROM nginx:1.27\nEXPOSE 53/icmp\n", 2, 8),
    ("FROM nginx:1.27\nARG PORT=99999\nEXPOSE $PORT\n", 3, 8),
    ("FROM nginx:1.27\nEXPOSE 80 \\\n  70000/udp\n", 3, 3),
    ("FROM nginx:1.27\nEXPOSE 80-\n", 2, 8),
    ("FROM nginx:1.27\nONBUILD EXPOSE 80800\n", 2, 16),
]
NEAR_MISSES = [
    "FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 9000-9100 132/sctp\n",
    "FROM nginx:1.27\nEXPOSE 0 65535\n",
    "FROM nginx:1.27\nEXPOSE $PORT\n",
    "FROM nginx:1.27\nEXPOSE 80/TCP\n",
    "FROM nginx:1.27\nEXPOSE 8080:80\n",
    "FROM nginx:1.27\n# hadolint ignore=DL3011\nEXPOSE 80800\n",
]

test_triggers, test_near_misses = rule_table("DF029", TRIGGERS, NEAR_MISSES)


def test_message_says_what_is_wrong() -> None:
    [finding] = findings_for("DF029", "FROM nginx:1.27\nEXPOSE 80800\n")
    assert "80800 is outside the port range 0-65535" in finding.message
