from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n", 2, 5),
    ("FROM fedora:40\nRUN dnf upgrade && dnf clean all\n", 2, 5),
    ("FROM fedora:40\nRUN dnf5 install git-2.46.0\n", 2, 5),
    ("FROM fedora:40\nRUN set -e; \\\n  dnf remove vim-minimal\n", 3, 3),
    ("FROM fedora:40\nRUN dnf module install nodejs:20\n", 2, 5),
    ("FROM fedora:40\nRUN dnf in httpd-2.4.62\n", 2, 5),
    ("FROM fedora:40\nRUN dnf up && dnf clean all\n", 2, 5),
    ("FROM fedora:40\nRUN dnf up-min\n", 2, 5),
    ("FROM fedora:40\nRUN dnf rei httpd-2.4.62\n", 2, 5),
    ("FROM fedora:40\nONBUILD RUN dnf install httpd-2.4.62\n", 2, 13),
    # microdnf asks on EL9 and later (hadolint's DL3038 spec).
    ("FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install httpd && microdnf clean all\n", 2, 5),
]
NEAR_MISSES = [
    "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n",
    "FROM fedora:40\nRUN dnf -y install httpd-2.4.62\n",
    "FROM fedora:40\nRUN dnf --assumeyes upgrade\n",
    "FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf install -y httpd && microdnf clean all\n",
    "FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4\nRUN microdnf clean all\n",
    "FROM fedora:40\nRUN dnf clean all\n",
    "FROM fedora:40\n# hadolint ignore=DL3038\nRUN dnf install httpd-2.4.62\n",
    "FROM fedora:40\nRUN dnf in -y httpd-2.4.62\n",
    "FROM fedora:40\nRUN dnf -y up-min\n",
    "FROM fedora:40\nRUN dnf check-update\n",
    "FROM fedora:40\nRUN dnf mc\n",
]

test_triggers, test_near_misses = rule_table("DF071", TRIGGERS, NEAR_MISSES)
