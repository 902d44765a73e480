from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n", 2, 20),
    ("FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 python3-devel && yum clean all\n", 2, 33),
    ("FROM rockylinux:9\nRUN yum -y --setopt tsflags=nodocs install jq && yum clean all\n", 2, 44),
    ("FROM rockylinux:9\nRUN yum module install -y nodejs && yum clean all\n", 2, 27),
    ("FROM rockylinux:9\nRUN yum install -y \\\n      gcc \\\n      make-4.3\n", 3, 7),
    ("FROM rockylinux:9\nONBUILD RUN yum install -y httpd\n", 2, 28),
    ("FROM rockylinux:9\nRUN yum --setopt tsflags=nodocs --enablerepo epel install -y jq\n", 2, 62),
    # A variable only another stage sets is empty here (hadolint's spec).
    (
        "FROM fedora:41 AS build\nENV version=2.51.0-2.fc42\nFROM fedora:41\nRUN yum -y install git-core-${version}\n",
        4,
        20,
    ),
]
NEAR_MISSES = [
    "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all\n",
    "FROM rockylinux:9\nRUN yum install -y /tmp/pkg.rpm && yum clean all\n",
    "FROM rockylinux:9\nRUN yum module install -y nodejs:20 && yum clean all\n",
    "FROM rockylinux:9\nRUN yum install -y $PKGS && yum clean all\n",
    "FROM rockylinux:9\nRUN yum remove -y httpd\n",
    "FROM rockylinux:9\n# hadolint ignore=DL3033\nRUN yum install -y httpd && yum clean all\n",
    "FROM rockylinux:9\nRUN yum groupinstall -y 'Development Tools' && yum clean all\n",
    "FROM rockylinux:9\nRUN yum --enablerepo epel install -y jq-1.6\n",
    "FROM fedora:41\nENV version=2.51.0-2.fc42\nRUN yum -y install git-core-${version} && yum clean all\n",
    "FROM fedora:41 AS build\nENV version=2.51.0\nFROM build\n"
    "RUN yum -y install git-core-${version} && yum clean all\n",
    "FROM fedora:41\nRUN yum -y install git-core-${FROM_THE_BASE_IMAGE} && yum clean all\n",
]

test_triggers, test_near_misses = rule_table("DF066", TRIGGERS, NEAR_MISSES)
