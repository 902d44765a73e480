from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN ln -sf /bin/bash /bin/sh\n", 2, 22),
    ("FROM debian:12\nRUN ln -s -f /bin/bash /bin/sh\n", 2, 24),
    ("FROM debian:12\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\n", 2, 35),
    ("FROM debian:12\nRUN set -e; \\\n    ln -sfn /usr/bin/zsh /usr/bin/sh\n", 3, 26),
    ("FROM debian:12\nRUN <<EOF\nln -sf /bin/dash /bin/sh\nEOF\n", 3, 18),
]
NEAR_MISSES = [
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n',
    "FROM debian:12\nRUN ln -sf /usr/bin/python3 /usr/bin/python\n",
    "FROM debian:12\nRUN ln -s /bin/sh /bin/mysh\n",
    "FROM debian:12\nRUN echo ln -sf /bin/bash /bin/sh\n",
    "FROM debian:12\n# hadolint ignore=DL4005\nRUN ln -sf /bin/bash /bin/sh\n",
]

test_triggers, test_near_misses = rule_table("DF095", TRIGGERS, NEAR_MISSES)
