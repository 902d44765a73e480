from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nENV APP_HOME /srv/app\n", 2, 5),
    ("FROM debian:12\nLABEL maintainer ops@example.com\n", 2, 7),
    ("FROM debian:12\nENV   GREETING hello world\n", 2, 7),
    ("FROM debian:12\nONBUILD ENV A b\n", 2, 13),
    ("ARG X=1\nFROM debian:12\nRUN true\nENV PATH /opt:$PATH\n", 4, 5),
]
NEAR_MISSES = [
    "FROM debian:12\nENV APP_HOME=/srv/app\n",
    "FROM debian:12\nLABEL maintainer=ops@example.com\n",
    "FROM debian:12\nENV A=1 B=2\n",
    "FROM debian:12\nARG NAME\n",
    "# check=skip=LegacyKeyValueFormat\nFROM debian:12\nENV A b\n",
    "FROM debian:12\n# dockwright ignore=DF106\nENV A b\n",
]

test_triggers, test_near_misses = rule_table("DF106", TRIGGERS, NEAR_MISSES)
