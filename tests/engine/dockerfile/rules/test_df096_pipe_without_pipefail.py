from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz\n", 2, 32),
    ("FROM debian:12\nRUN echo a |grep a\n", 2, 12),
    ("FROM debian:12\nRUN apt-get update && \\\n    curl -fsSL https://x | bash\n", 3, 26),
    ('FROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN echo a | grep a\n', 3, 12),
    ("FROM debian:12\nRUN <<EOF\nset -e\ncat a | sort\nEOF\n", 4, 7),
    ("FROM debian:12\nRUN echo a | grep a; set -o pipefail\n", 2, 12),
    # Plain sh may not know the option (Debian's dash refuses it): hadolint's DL4006 spec.
    ('FROM scratch AS build\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -O - https://x | wc -l\n', 3, 25),
]
NEAR_MISSES = [
    'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://x/a.tgz | tar -xz\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN echo a | grep a\n',
    "FROM debian:12\nRUN set -o pipefail && curl -fsSL https://x/a.tgz | tar -xz\n",
    "FROM debian:12\nRUN <<EOF\nset -euo pipefail\ncat a | sort\nEOF\n",
    "FROM debian:12\nRUN echo 'a | b' || true\n",
    'FROM debian:12\nRUN ["sh", "-c", "echo a | grep a"]\n',
    "FROM debian:12\n# hadolint ignore=DL4006\nRUN echo a | grep a\n",
    'FROM alpine:3.20\nSHELL ["/bin/ash", "-o", "pipefail", "-c"]\nRUN echo a | grep a\n',
    'FROM debian:12\nSHELL ["/usr/bin/zsh", "-o", "pipefail", "-c"]\nRUN echo a | grep a\n',
    # A shell that is not POSIX: its pipes are not the shell's (hadolint's shell pragma, or SHELL).
    'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n',
    "# hadolint shell=powershell\nFROM debian:12\nRUN Get-ChildItem | Select-Object Name\n",
    "FROM debian:12\n# hadolint shell=pwsh\nRUN Get-ChildItem | Select-Object Name\n",
]

test_triggers, test_near_misses = rule_table("DF096", TRIGGERS, NEAR_MISSES)
