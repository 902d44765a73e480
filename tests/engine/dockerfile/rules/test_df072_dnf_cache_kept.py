from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n", 2, 5),
    ("FROM fedora:40\nRUN dnf upgrade -y\n", 2, 5),
    ("FROM fedora:40\nRUN microdnf install -y jq-1.7\n", 2, 5),
    ("FROM fedora:40\nRUN dnf makecache && \\\n    dnf install -y git-2.46.0\n", 3, 5),
    ("FROM fedora:40\nRUN <<EOF\ndnf -y install make-4.4\nEOF\n", 3, 1),
    # a stage the final one builds on ships its layers
    ("FROM fedora:40 AS base\nRUN dnf install -y httpd-2.4.62\nFROM base\nUSER 10001\n", 2, 5),
    # an ONBUILD trigger runs in the image built from this one
    ("FROM fedora:40\nONBUILD RUN dnf install -y httpd-2.4.62\n", 2, 13),
    ("FROM fedora:40\nRUN dnf in -y httpd-2.4.62\n", 2, 5),
    ("FROM fedora:40\nRUN dnf -y rei httpd-2.4.62\n", 2, 5),
    ("FROM fedora:40\nRUN dnf -y up-min\n", 2, 5),
    ("FROM fedora:40\nRUN dnf clean all && dnf install -y httpd-2.4.62\n", 2, 22),
    ("FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && microdnf clean all\n", 2, 5),
    ("FROM fedora:40\nRUN microdnf install -y jq-1.7 && dnf clean all\n", 2, 5),
]
NEAR_MISSES = [
    "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n",
    "FROM fedora:40\nRUN microdnf install -y jq-1.7 && microdnf clean all\n",
    "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && rm -rf /var/cache/dnf\n",
    "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y httpd-2.4.62\n",
    "FROM fedora:40\nRUN dnf remove -y httpd\n",
    "FROM fedora:40\n# hadolint ignore=DL3040\nRUN dnf install -y httpd-2.4.62\n",
    # a builder stage's cache never ships
    "FROM fedora:40 AS build\nRUN dnf install -y httpd-2.4.62\nFROM fedora:40\nCOPY --from=build /etc/hostname /h\n",
    "FROM fedora:40\nRUN dnf in -y httpd-2.4.62 && dnf clean all\n",
    "FROM fedora:40\nRUN dnf5 install -y httpd-2.4.62 && dnf5 clean all\n",
    "FROM fedora:40\nRUN --mount=type=tmpfs,target=/var/cache/dnf dnf install -y httpd-2.4.62\n",
    "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all \\\n"
    "    && microdnf install -y jq-1.7 && microdnf clean all\n",
    "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 microdnf install -y jq-1.7\n",
]

test_triggers, test_near_misses = rule_table("DF072", TRIGGERS, NEAR_MISSES)
