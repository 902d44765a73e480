from tests.engine.dockerfile.rules.fixing import fixed
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN apt-get update && apt-get install -y curl\n", 2, 23),
    ("FROM debian:12\nRUN apt-get -qqy install curl\n", 2, 5),
    ("FROM debian:12\nRUN apt install -y curl\n", 2, 5),
    ("FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=true curl\n", 2, 5),
    ("FROM debian:12 AS build\nRUN true\nFROM debian:12\nRUN \\\n  apt-get install -y curl\n", 5, 3),
    # an ONBUILD trigger runs the same install in the image built from this one
    ("FROM debian:12\nONBUILD RUN apt-get install -y curl\n", 2, 13),
    ("FROM debian:12\nRUN aptitude install -y curl\n", 2, 5),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n",
    "FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n",
    "FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n",
    "FROM debian:12\nRUN apt-get -oAPT::Install-Recommends=0 install -y curl\n",
    "FROM debian:12\nRUN apt-get update\n",
    "FROM debian:12\nONBUILD RUN apt-get install -y --no-install-recommends curl\n",
    "FROM debian:12\nRUN aptitude install -y --without-recommends curl\n",
    "FROM debian:12\nRUN aptitude install -yR curl\n",
    'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
    "FROM debian:12\n# hadolint ignore=DL3015\nRUN apt-get install -y curl\n",
]

test_triggers, test_near_misses = rule_table("DF010", TRIGGERS, NEAR_MISSES)


def test_fix_adds_no_install_recommends() -> None:
    assert fixed("DF010", "FROM debian:12\nRUN apt-get install -y curl\n") == (
        "FROM debian:12\nRUN apt-get install --no-install-recommends -y curl\n"
    )


def test_fix_for_aptitude_uses_its_own_flag() -> None:
    assert fixed("DF010", "FROM debian:12\nRUN aptitude install -y curl\n") == (
        "FROM debian:12\nRUN aptitude install --without-recommends -y curl\n"
    )
