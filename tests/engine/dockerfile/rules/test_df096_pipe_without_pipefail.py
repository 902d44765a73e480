from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz\n", 2, 32),
    ("FROM debian:12\nRUN echo a |grep a\n", 2, 12),
    ("FROM debian:12\nRUN apt-get update && \\\n    curl -fsSL https://x | bash\n", 3, 26),
    ('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo a | grep a\n', 3, 12),
    ("FROM debian:12\nRUN <<EOF\nset -e\ncat a | sort\nEOF\n", 4, 7),
    ("FROM debian:12\nRUN echo a | grep a; set -o pipefail\n", 2, 12),
]
NEAR_MISSES = [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x/a.tgz | tar -xz\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN echo a | grep a\n',
    "FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x/a.tgz | tar -xz\n",
    "FROM debian:12\nRUN <<EOF\nset -euo pipefail\ncat a | sort\nEOF\n",
    "FROM debian:12\nRUN echo 'a | b' || true\n",
    'FROM debian:12\nRUN ["sh", "-c", "echo a | grep a"]\n',
    "FROM debian:12\n# hadolint ignore=DL4006\nRUN echo a | grep a\n",
]

test_triggers, test_near_misses = rule_table("DF096", TRIGGERS, NEAR_MISSES)
