from tests.engine.dockerfile.rules.fixing import fixed
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN apt-get update && apt-get install curl\n", 2, 23),
    ("FROM debian:12\nRUN apt-get install --no-install-recommends curl\n", 2, 5),
    ("FROM debian:12\nRUN apt-get -q install curl\n", 2, 5),
    ("FROM debian:12\nRUN apt install curl\n", 2, 5),
    ("FROM debian:12\nRUN set -eux; \\\n    DEBIAN_FRONTEND=noninteractive apt-get install curl\n", 3, 36),
    ("FROM debian:12\nRUN <<EOF\napt-get update\napt-get install curl\nEOF\n", 4, 1),
    ("FROM debian:12\nRUN /usr/bin/apt-get -o Dpkg::Use-Pty=0 install curl\n", 2, 5),
    # an ONBUILD trigger runs the same install in the image built from this one
    ("FROM debian:12\nONBUILD RUN apt-get install curl\n", 2, 13),
    ("FROM debian:12\nRUN aptitude install curl\n", 2, 5),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN apt-get install -y curl\n",
    "FROM debian:12\nRUN apt-get -qqy install curl\n",
    "FROM debian:12\nRUN apt-get install --yes curl\n",
    "FROM debian:12\nRUN apt-get install --assume-yes curl\n",
    "FROM debian:12\nRUN apt-get -qq install curl\n",
    "FROM debian:12\nRUN apt-get -q=2 install curl\n",
    "FROM debian:12\nRUN apt-get --quiet --quiet install curl\n",
    "FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n",
    "FROM debian:12\nRUN apt-get update\n",
    "FROM debian:12\nONBUILD RUN apt-get install -y curl\n",
    "FROM debian:12\nRUN aptitude install -y curl\n",
    "FROM debian:12\nRUN apt-get remove curl\n",
    "FROM debian:12\n# hadolint ignore=DL3014\nRUN apt-get install curl\n",
    "FROM debian:12\n# dockwright ignore=apt-get-missing-yes\nRUN apt-get install curl\n",
]

test_triggers, test_near_misses = rule_table("DF009", TRIGGERS, NEAR_MISSES)


def test_fix_adds_yes_after_install() -> None:
    text = "FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends curl\n"
    assert fixed("DF009", text) == (
        "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n"
    )


def test_fix_works_across_continuation_lines() -> None:
    text = "FROM debian:12\nRUN apt-get update \\\n && apt-get install \\\n      curl\n"
    assert fixed("DF009", text) == "FROM debian:12\nRUN apt-get update \\\n && apt-get install -y \\\n      curl\n"
