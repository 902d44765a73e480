from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN apt update\n", 2, 5),
    ("FROM debian:12\nRUN apt-get update && apt install -y curl\n", 2, 23),
    ("FROM debian:12\nRUN /usr/bin/apt upgrade -y\n", 2, 5),
    ("FROM debian:12\nRUN set -e; \\\n  apt list --installed\n", 3, 3),
    ("FROM debian:12\nRUN <<EOF\napt remove -y vim\nEOF\n", 3, 1),
    ("FROM debian:12\nONBUILD RUN apt update\n", 2, 13),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN apt-get update\n",
    "FROM debian:12\nRUN apt-cache policy curl\n",
    "FROM debian:12\nRUN echo apt install\n",
    "FROM debian:12\nRUN aptitude install -y curl\n",
    "FROM debian:12\n# hadolint ignore=DL3027\nRUN apt update\n",
]

test_triggers, test_near_misses = rule_table("DF061", TRIGGERS, NEAR_MISSES)
