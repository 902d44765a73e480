from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58\n", 2, 5),
    ("FROM opensuse/leap:15.6\nRUN zypper refresh && zypper -n in curl=8.0\n", 2, 23),
    ("FROM opensuse/leap:15.6\nRUN set -e; \\\n    zypper -n install git=2.43\n", 3, 5),
    ("FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in jq=1.7\nEOF\n", 3, 1),
    ("FROM opensuse/leap:15.6\nRUN zypper -n in a=1 && rm -rf /tmp/*\n", 2, 5),
    # a stage the final one builds on ships its layers
    ("FROM opensuse/leap:15.6 AS base\nRUN zypper -n install httpd=2.4.58\nFROM base\nUSER 10001\n", 2, 5),
    # an ONBUILD trigger runs in the image built from this one
    ("FROM opensuse/leap:15.6\nONBUILD RUN zypper -n install httpd=2.4.58\n", 2, 13),
    ("FROM opensuse/leap:15.6\nRUN zypper clean && zypper -n install httpd=2.4.58\n", 2, 21),
]
NEAR_MISSES = [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper cc -a\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && rm -rf /var/cache/zypp/*\n",
    "FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install httpd=2.4.58\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n remove httpd\n",
    "FROM opensuse/leap:15.6\n# hadolint ignore=DL3036\nRUN zypper -n install httpd=2.4.58\n",
    # a builder stage's cache never ships
    "FROM opensuse/leap:15.6 AS build\nRUN zypper -n install httpd=2.4.58\n"
    "FROM opensuse/leap:15.6\nCOPY --from=build /etc/hostname /h\n",
    "FROM opensuse/leap:15.6\nRUN --mount=type=tmpfs,target=/var/cache/zypp zypper -n install httpd=2.4.58\n",
]

test_triggers, test_near_misses = rule_table("DF069", TRIGGERS, NEAR_MISSES)
