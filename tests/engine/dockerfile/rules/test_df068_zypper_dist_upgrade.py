from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n", 2, 5),
    ("FROM opensuse/leap:15.6\nRUN zypper dup -y\n", 2, 5),
    ("FROM opensuse/leap:15.6\nRUN zypper refresh && zypper -n dup\n", 2, 23),
    ("FROM opensuse/leap:15.6\nRUN set -e; \\\n  zypper --non-interactive dist-upgrade\n", 3, 3),
    ("FROM opensuse/leap:15.6\nONBUILD RUN zypper -n dup\n", 2, 13),
]
NEAR_MISSES = [
    "FROM opensuse/leap:15.6\nRUN zypper -n patch\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n update\n",
    "FROM opensuse/leap:15.6\nRUN echo zypper dup\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n install dup=1.0\n",
    "FROM opensuse/leap:15.6\n# hadolint ignore=DL3035\nRUN zypper -n dup\n",
]

test_triggers, test_near_misses = rule_table("DF068", TRIGGERS, NEAR_MISSES)
