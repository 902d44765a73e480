from tests.engine.dockerfile.rules.fixing import findings_for, fixed
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12-slim\nADD app.py /app/\n", 2, 1),
    ("FROM debian:12\nadd . /src\n", 2, 1),
    ("FROM debian:12\nADD --chown=app:app config/ /etc/app/\n", 2, 1),
    # ADD does not extract zip files: it is a plain copy.
    ("FROM debian:12\nADD bundle.zip /opt/\n", 2, 1),
    ("FROM debian:12\nARG SRC=app.py\nADD ${SRC} /app/\n", 3, 1),
    ('FROM debian:12\nADD ["a b.txt", "/dst/"]\n', 2, 1),
    ("FROM debian:12\nONBUILD ADD app.py /app/\n", 2, 9),
]
NEAR_MISSES = [
    "FROM debian:12\nADD https://example.com/tool.tar.gz /opt/\n",
    "FROM debian:12\nADD rootfs.tar.xz /\n",
    "FROM debian:12\nADD git@github.com:acme/repo.git /src\n",
    "FROM debian:12\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
    "https://example.com/x /x\n",
    "FROM debian:12\nCOPY app.py /app/\n",
    "FROM debian:12\nADD ${UNDEFINED} /x\n",
    "FROM debian:12\nADD https://example.com/a.txt vendor.tar.gz /dst/\n",
    "FROM debian:12\n# hadolint ignore=DL3020\nADD app.py /app/\n",
    "FROM debian:12\nONBUILD ADD https://example.com/a.tgz /opt/\n",
]

test_triggers, test_near_misses = rule_table("DF019", TRIGGERS, NEAR_MISSES)


def test_fix_replaces_add_with_copy_in_the_same_case() -> None:
    assert fixed("DF019", "FROM debian:12\nADD app.py /app/\n") == "FROM debian:12\nCOPY app.py /app/\n"
    assert fixed("DF019", "from debian:12\nadd . /src\n") == "from debian:12\ncopy . /src\n"


def test_no_fix_with_add_only_flags() -> None:
    [finding] = findings_for("DF019", "FROM debian:12\nADD --keep-git-dir=true src /src\n")
    assert finding.fix is None
