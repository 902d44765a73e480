from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n", 2, 20),
    ("FROM fedora:40\nRUN microdnf install -y jq && microdnf clean all\n", 2, 25),
    ("FROM fedora:40\nRUN dnf install -y git-2.46.0 python3-devel && dnf clean all\n", 2, 31),
    ("FROM fedora:40\nRUN dnf -y module install nodejs && dnf clean all\n", 2, 27),
    ("FROM fedora:40\nRUN dnf install -y \\\n    gcc\n", 3, 5),
    ("FROM fedora:40\nRUN dnf in -y httpd && dnf clean all\n", 2, 15),
    ("FROM fedora:40\nRUN dnf -y rei httpd\n", 2, 16),
    ("FROM fedora:40\nONBUILD RUN dnf install -y httpd\n", 2, 28),
    # A variable only another stage sets is empty here (hadolint's spec).
    (
        "FROM fedora:41 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:41\nRUN dnf -y install git-core-${version}\n",
        4,
        20,
    ),
]
NEAR_MISSES = [
    "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n",
    "FROM fedora:40\nRUN dnf install -y httpd-0:2.4.62-1.fc40 && dnf clean all\n",
    "FROM fedora:40\nRUN dnf module install -y nodejs:20 && dnf clean all\n",
    "FROM fedora:40\nRUN dnf install -y https://example.com/x.rpm && dnf clean all\n",
    "FROM fedora:40\nRUN dnf remove -y httpd\n",
    "FROM fedora:40\n# hadolint ignore=DL3041\nRUN dnf install -y httpd && dnf clean all\n",
    "FROM fedora:40\nRUN dnf group install -y 'Development Tools'\n",
    "FROM fedora:40\nRUN dnf groupinstall -y 'Development Tools'\n",
    "FROM fedora:40\nRUN dnf in -y httpd-2.4.62\n",
    "FROM fedora:41\nENV version=2.51.0-2.fc42\nRUN dnf -y install git-core-${version} && dnf clean all\n",
    "FROM fedora:41 AS build\nENV version=2.51.0\nFROM build\n"
    "RUN dnf -y install git-core-${version} && dnf clean all\n",
    "FROM fedora:41\nRUN dnf -y install git-core-${FROM_THE_BASE_IMAGE} && dnf clean all\n",
]

test_triggers, test_near_misses = rule_table("DF073", TRIGGERS, NEAR_MISSES)
