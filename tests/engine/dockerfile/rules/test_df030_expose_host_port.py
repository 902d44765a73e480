from tests.engine.dockerfile.rules.fixing import findings_for, fixed
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM nginx:1.27\nEXPOSE 8080:80\n", 2, 8),
    ("FROM nginx:1.27\nEXPOSE 80 127.0.0.1:8080:80/tcp\n", 2, 11),
    ("FROM nginx:1.27\nARG P=8080:80\nEXPOSE ${P}\n", 3, 8),
    ("FROM nginx:1.27\nexpose 1000-1001:80-81\n", 2, 8),
    ("FROM nginx:1.27\nEXPOSE [::1]:8080:80\n", 2, 8),
    ("FROM nginx:1.27\nONBUILD EXPOSE 8080:80\n", 2, 16),
]
NEAR_MISSES = [
    "FROM nginx:1.27\nEXPOSE 80\n",
    "FROM nginx:1.27\nEXPOSE 80/udp 443\n",
    "FROM nginx:1.27\nEXPOSE ${P}\n",
    "# check=skip=ExposeInvalidFormat\nFROM nginx:1.27\nEXPOSE 8080:80\n",
    "FROM nginx:1.27\n# dockwright ignore=DF030\nEXPOSE 8080:80\n",
]

test_triggers, test_near_misses = rule_table("DF030", TRIGGERS, NEAR_MISSES)


def test_fix_keeps_the_container_port_and_protocol() -> None:
    assert fixed("DF030", "FROM nginx:1.27\nEXPOSE 80 127.0.0.1:8080:80/tcp\n") == "FROM nginx:1.27\nEXPOSE 80 80/tcp\n"


def test_no_fix_for_ports_from_variables() -> None:
    [finding] = findings_for("DF030", "FROM nginx:1.27\nARG P=8080:80\nEXPOSE ${P}\n")
    assert finding.fix is None
