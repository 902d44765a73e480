from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN service nginx start\n", 2, 5),
    ("FROM debian:12\nRUN apt-get update && vim /etc/hosts\n", 2, 23),
    ("FROM debian:12\nRUN ps aux | grep nginx\n", 2, 5),
    ("FROM debian:12\nRUN set -e; \\\n    /sbin/shutdown -h now\n", 3, 5),
    ("FROM debian:12\nRUN <<EOF\necho hi\nssh host true\nEOF\n", 4, 1),
    ("FROM debian:12\nONBUILD RUN kill -9 1\n", 2, 13),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN echo service\n",
    "FROM debian:12\nRUN apt-get install -y vim-tiny\n",
    'FROM debian:12\nCMD ["top"]\n',
    "FROM debian:12\nRUN echo 'ps aux'\n",
    "FROM debian:12\n# dockwright ignore=DF050\nRUN service nginx start\n",
    "FROM debian:12\n# hadolint ignore=DL3001\nRUN mount -a\n",
]

test_triggers, test_near_misses = rule_table("DF050", TRIGGERS, NEAR_MISSES)
