from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM rockylinux:9\nRUN yum install httpd-2.4.57\n", 2, 5),
    ("FROM rockylinux:9\nRUN yum update && yum clean all\n", 2, 5),
    ("FROM rockylinux:9\nRUN yum -q groupinstall 'Development Tools'\n", 2, 5),
    ("FROM rockylinux:9\nRUN set -e; \\\n    yum remove vim-minimal\n", 3, 5),
    ("FROM rockylinux:9\nRUN yum --enablerepo epel install jq-1.6\n", 2, 5),
    ("FROM rockylinux:9\nONBUILD RUN yum install httpd-2.4.57\n", 2, 13),
]
NEAR_MISSES = [
    "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57\n",
    "FROM rockylinux:9\nRUN yum -y install httpd-2.4.57\n",
    "FROM rockylinux:9\nRUN yum install --assumeyes httpd-2.4.57\n",
    "FROM rockylinux:9\nRUN yum clean all\n",
    "FROM rockylinux:9\nRUN yum makecache\n",
    "FROM rockylinux:9\n# hadolint ignore=DL3030\nRUN yum install httpd\n",
    "FROM rockylinux:9\nRUN yum check-update\n",
]

test_triggers, test_near_misses = rule_table("DF064", TRIGGERS, NEAR_MISSES)
