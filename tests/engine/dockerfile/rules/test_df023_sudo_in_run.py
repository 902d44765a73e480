from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nUSER app\nRUN sudo apt-get update\n", 3, 5),
    ("FROM debian:12\nRUN apt-get update && sudo -E make install\n", 2, 23),
    ("FROM debian:12\nRUN echo x | sudo tee /etc/x\n", 2, 14),
    ("FROM debian:12\nRUN <<EOF\nsudo make install\nEOF\n", 3, 1),
    ("FROM debian:12\nRUN /usr/bin/sudo ls\n", 2, 5),
    ("FROM debian:12\nONBUILD RUN sudo make install\n", 2, 13),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN apt-get install -y sudo\n",
    "FROM debian:12\nRUN echo sudo\n",
    "FROM debian:12\nRUN make install\n",
    "FROM debian:12\nCMD sudo ls\n",
    "FROM debian:12\n# hadolint ignore=DL3004\nRUN sudo ls\n",
]

test_triggers, test_near_misses = rule_table("DF023", TRIGGERS, NEAR_MISSES)
