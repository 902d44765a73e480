from tests.engine.dockerfile.rules.fixing import fixed
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM nginx:1.27\nEXPOSE 80/TCP\n", 2, 8),
    ("FROM nginx:1.27\nEXPOSE 80 53/Udp\n", 2, 11),
    ("FROM nginx:1.27\nexpose 8080:80/TCP\n", 2, 8),
    ("FROM nginx:1.27\nARG P=80/TCP\nEXPOSE $P\n", 3, 8),
    ("FROM nginx:1.27\nEXPOSE 132/SCTP\n", 2, 8),
    ("FROM nginx:1.27\nONBUILD EXPOSE 80/TCP\n", 2, 16),
]
NEAR_MISSES = [
    "FROM nginx:1.27\nEXPOSE 80/tcp\n",
    "FROM nginx:1.27\nEXPOSE 80\n",
    "FROM nginx:1.27\nLABEL port=80/TCP\n",
    "# check=skip=ExposeProtoCasing\nFROM nginx:1.27\nEXPOSE 80/TCP\n",
    "FROM nginx:1.27\n# dockwright ignore=expose-protocol-casing\nEXPOSE 80/TCP\n",
]

test_triggers, test_near_misses = rule_table("DF031", TRIGGERS, NEAR_MISSES)


def test_fix_lowercases_each_protocol() -> None:
    assert fixed("DF031", "FROM nginx:1.27\nEXPOSE 80/TCP 53/Udp\n") == "FROM nginx:1.27\nEXPOSE 80/tcp 53/udp\n"
