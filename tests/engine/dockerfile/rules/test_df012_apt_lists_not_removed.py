from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", 2, 5),
    ("FROM debian:12\nRUN apt-get update\n", 2, 5),
    ("FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get clean\n", 2, 5),
    ("FROM debian:12\nRUN apt update && apt install -y curl\n", 2, 5),
    # A cache on /var/cache/apt keeps .deb files out, not the lists.
    ("FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y x\n", 2, 46),
    # A base stage the final stage builds on ends up in the image.
    ("FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN rm -rf /var/lib/apt/lists/*\n", 2, 5),
    ("FROM debian:12\nRUN set -e; \\\n    apt-get -q update; \\\n    apt-get install -y curl\n", 3, 5),
    # an ONBUILD trigger runs in the image built from this one
    ("FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1\n", 2, 13),
    # lists removed before the update do not count: the update downloads new ones
    ("FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y x\n", 2, 36),
    ("FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/* && apt-get update\n", 2, 54),
    ("FROM debian:12\nRUN aptitude update && aptitude install -y curl\n", 2, 5),
    # a removal that is not recursive leaves the directory
    ("FROM debian:12\nRUN apt-get update && rm -f /var/lib/apt\n", 2, 5),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -r /var/lib/apt/lists\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -fr /var/lib/apt/lists/*.lz4\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x\n",
    "FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update\n",
    "FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update\n",
    # A builder stage whose files are copied selectively does not ship its lists.
    "FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /x /x\n",
    "FROM debian:12\nRUN apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get dist-clean\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt\n",
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib\n",
    "FROM debian:12\nONBUILD RUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update\n",
    "FROM debian:12\n# hadolint ignore=DL3009\nRUN apt-get update\n",
]

test_triggers, test_near_misses = rule_table("DF012", TRIGGERS, NEAR_MISSES)
