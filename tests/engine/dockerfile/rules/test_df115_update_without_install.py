from dockwright.fixes import apply_fixes
from dockwright.lint import lint
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n", 2, 5),
    ("FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n", 2, 5),
    ("FROM debian:12\nRUN apt-get update -qq\n", 2, 5),
    ("FROM rockylinux:9\nRUN yum makecache\nRUN yum install -y curl\n", 2, 5),
    ("FROM ubuntu:24.04\nRUN set -eux; apt update\nRUN apt install -y curl\n", 2, 15),
    ("FROM debian:12\nONBUILD RUN apt-get update\n", 2, 13),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n",
    "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
    "FROM alpine:3.20\nRUN apk update && apk add curl\n",
    "FROM debian:12\nRUN apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get update \\\n    && DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata\n",
]

test_triggers, test_near_misses = rule_table("DF115", TRIGGERS, NEAR_MISSES)


def test_the_fix_joins_the_refresh_with_the_install_after_it() -> None:
    text = "FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n"
    result = lint(text, kind="dockerfile", config={"shellcheck": False})
    fixed, applied = apply_fixes(text, [f for f in result.findings if f.rule == "DF115"])
    assert applied == 1
    assert fixed == "FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n"


def test_no_fix_when_something_stands_between() -> None:
    text = "FROM debian:12\nRUN apt-get update\n# tools\nRUN apt-get install -y curl\n"
    result = lint(text, kind="dockerfile", config={"shellcheck": False})
    assert [f.fix for f in result.findings if f.rule == "DF115"] == [None]
