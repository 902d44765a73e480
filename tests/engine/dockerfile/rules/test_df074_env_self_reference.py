from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nENV APP_HOME=/srv/app APP_BIN=$APP_HOME/bin\n", 2, 31),
    ("FROM debian:12\nENV A=1 B=${A}\n", 2, 11),
    ("FROM debian:12\nENV A=1 \\\n    B=2 \\\n    C=$A-$B\n", 4, 7),
    ("FROM debian:12\nENV X=1\nENV X=2 Y=$X\n", 3, 11),
    ("FROM debian:12\nONBUILD ENV P=/p Q=$P/q\n", 2, 20),
    ("FROM debian:12\nENV A=1 B='x'$A\n", 2, 11),
    ('FROM debian:12\nENV A=1 B="$A"\n', 2, 11),
    # The second PATH extends the PATH from before this ENV: `/bla` is lost (hadolint's DL3044 spec).
    ("FROM debian:12\nENV PATH=/bla:${PATH} PATH=/blubb:${PATH}\n", 2, 28),
]
NEAR_MISSES = [
    "FROM debian:12\nENV APP_HOME=/srv/app\nENV APP_BIN=$APP_HOME/bin\n",
    "FROM debian:12\nENV PATH=/opt/bin:$PATH\n",
    "FROM debian:12\nENV PATH=/opt/bin:$PATH LD_LIBRARY_PATH=/opt/lib:$LD_LIBRARY_PATH\n",
    "FROM debian:12\nENV A=1 B='$A'\n",
    "FROM debian:12\nENV A=1 B=2\n",
    "FROM debian:12\nARG A=1\nENV B=$A A=2\n",
    "FROM debian:12\n# hadolint ignore=DL3044\nENV A=1 B=$A\n",
    "FROM debian:12\nENV A=1 B=\"x\"'$A'\n",
    "FROM debian:12\nENV A=1 B=\\$A\n",
]

test_triggers, test_near_misses = rule_table("DF074", TRIGGERS, NEAR_MISSES)
