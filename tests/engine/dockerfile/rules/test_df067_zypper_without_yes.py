from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58\n", 2, 5),
    ("FROM opensuse/leap:15.6\nRUN zypper in curl=8.0\n", 2, 5),
    ("FROM opensuse/leap:15.6\nRUN zypper refresh && zypper remove vim\n", 2, 23),
    ("FROM opensuse/leap:15.6\nRUN zypper patch\n", 2, 5),
    ("FROM opensuse/leap:15.6\nRUN <<EOF\nzypper update\nEOF\n", 3, 1),
    ("FROM opensuse/leap:15.6\nONBUILD RUN zypper in curl=8.0\n", 2, 13),
    ("FROM opensuse/leap:15.6\nRUN zypper --root /mnt si curl\n", 2, 5),
]
NEAR_MISSES = [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58\n",
    "FROM opensuse/leap:15.6\nRUN zypper --non-interactive in curl=8.0\n",
    "FROM opensuse/leap:15.6\nRUN zypper install -y curl=8.0\n",
    "FROM opensuse/leap:15.6\nRUN zypper refresh\n",
    "FROM opensuse/leap:15.6\nRUN zypper clean -a\n",
    "FROM opensuse/leap:15.6\n# hadolint ignore=DL3034\nRUN zypper install httpd=2.4.58\n",
    "FROM opensuse/leap:15.6\nRUN zypper --root /mnt -n si curl\n",
]

test_triggers, test_near_misses = rule_table("DF067", TRIGGERS, NEAR_MISSES)
