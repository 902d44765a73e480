from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM opensuse/leap:15.6\nRUN zypper -n install httpd && zypper clean\n", 2, 23),
    ("FROM opensuse/leap:15.6\nRUN zypper -n in curl=8.0 git && zypper clean\n", 2, 27),
    ("FROM opensuse/leap:15.6\nRUN zypper install -y --from repo-oss jq && zypper clean\n", 2, 39),
    ("FROM opensuse/leap:15.6\nRUN zypper -n install \\\n    python3 && zypper clean\n", 3, 5),
    ("FROM opensuse/leap:15.6\nRUN <<EOF\nzypper -n in make\nEOF\n", 3, 14),
    ("FROM opensuse/leap:15.6\nONBUILD RUN zypper -n in git\n", 2, 26),
]
NEAR_MISSES = [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n install 'httpd>=2.4' && zypper clean\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n install /tmp/x.rpm && zypper clean\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n remove httpd && zypper clean\n",
    "FROM opensuse/leap:15.6\n# hadolint ignore=DL3037\nRUN zypper -n install httpd && zypper clean\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n --root /mnt in git=2.43\n",
]

test_triggers, test_near_misses = rule_table("DF070", TRIGGERS, NEAR_MISSES)
