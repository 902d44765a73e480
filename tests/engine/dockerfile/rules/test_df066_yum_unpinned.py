from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM rockylinux:9\nRUN yum install -y httpd && yum clean all\n", 2, 20),
    ("FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 python3-devel && yum clean all\n", 2, 33),
    ("FROM rockylinux:9\nRUN yum -y --setopt tsflags=nodocs install jq && yum clean all\n", 2, 44),
    ("FROM rockylinux:9\nRUN yum module install -y nodejs && yum clean all\n", 2, 27),
    ("FROM rockylinux:9\nRUN yum install -y \\\n      gcc \\\n      make-4.3\n", 3, 7),
    ("FROM rockylinux:9\nONBUILD RUN yum install -y httpd\n", 2, 28),
    ("FROM rockylinux:9\nRUN yum --setopt tsflags=nodocs --enablerepo epel install -y jq\n", 2, 62),
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
]

test_triggers, test_near_misses = rule_table("DF066", TRIGGERS, NEAR_MISSES)
