from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM rockylinux:9\nRUN yum install -y httpd-2.4.57\n", 2, 5),
    ("FROM rockylinux:9\nRUN yum -y update\n", 2, 5),
    ("FROM rockylinux:9\nRUN yum makecache && \\\n    yum install -y jq-1.6\n", 3, 5),
    ("FROM rockylinux:9\nRUN <<EOF\nset -e\nyum install -y git-2.43.0\nEOF\n", 4, 1),
    ("FROM rockylinux:9\nRUN yum install -y a-1 && yum clean packages\n", 2, 5),
    # a stage the final one builds on ships its layers
    ("FROM rockylinux:9 AS base\nRUN yum install -y httpd-2.4.57\nFROM base\nUSER 10001\n", 2, 5),
    # an ONBUILD trigger runs in the image built from this one
    ("FROM rockylinux:9\nONBUILD RUN yum install -y httpd-2.4.57\n", 2, 13),
    ("FROM rockylinux:9\nRUN yum clean all && yum install -y httpd-2.4.57\n", 2, 22),
    ("FROM rockylinux:9\nRUN rm -rf /var/cache/yum && yum install -y httpd-2.4.57\n", 2, 30),
]
NEAR_MISSES = [
    "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && yum clean all\n",
    "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && rm -rf /var/cache/yum\n",
    "FROM rockylinux:9\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.57\n",
    "FROM rockylinux:9\nRUN yum remove -y vim-minimal\n",
    "FROM rockylinux:9\n# hadolint ignore=DL3032\nRUN yum install -y httpd-2.4.57\n",
    # a builder stage's cache never ships
    "FROM rockylinux:9 AS build\nRUN yum install -y httpd-2.4.57\n"
    "FROM rockylinux:9\nCOPY --from=build /etc/hostname /h\n",
    "FROM rockylinux:9\nRUN --mount=type=tmpfs,target=/var/cache/yum yum install -y httpd-2.4.57\n",
    "FROM rockylinux:9\nRUN yum install -y httpd-2.4.57 && rm -rf /var/cache/*\n",
    "FROM rockylinux:9\nONBUILD RUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.57\n",
]

test_triggers, test_near_misses = rule_table("DF065", TRIGGERS, NEAR_MISSES)
