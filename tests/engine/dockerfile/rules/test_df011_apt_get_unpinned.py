from dockwright.lint import lint
from tests.engine.rule_table import TODAY, findings_of, rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n", 2, 48),
    ("FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 git\n", 2, 39),
    ("FROM debian:12\nRUN apt-get install -y \\\n    curl=7.88.1-10 \\\n    ca-certificates\n", 4, 5),
    ("FROM debian:12\nRUN apt-get -t bookworm-backports install -y golang\n", 2, 46),
    ("FROM debian:12\nRUN apt install -y git\n", 2, 20),
    # an ONBUILD trigger runs the same install in the image built from this one
    ("FROM debian:12\nONBUILD RUN apt-get install -y git\n", 2, 32),
    ("FROM debian:12\nRUN aptitude install -y git\n", 2, 25),
]
NEAR_MISSES = [
    "FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8\n",
    "FROM debian:12\nRUN apt-get install -y curl=7.88*\n",
    "FROM debian:12\nRUN apt-get install -y curl/bookworm-backports\n",
    "FROM debian:12\nRUN apt-get install -y ./vendor/tool_1.0_amd64.deb\n",
    "FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confold install -y curl=1.0\n",
    "FROM debian:12\nRUN apt-get update\n",
    "FROM debian:12\nRUN aptitude install -y git=1:2.39.5-0+deb12u1\n",
    # One shell word although tree-sitter splits it after the expansion.
    "FROM debian:12\nRUN apt-get install -y esl-erlang=1:${OTP_VERSION}\\* elixir=${V}*\n",
    "FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n",
]

test_triggers, test_near_misses = rule_table("DF011", TRIGGERS, NEAR_MISSES)


def test_every_unpinned_package_is_reported() -> None:
    assert findings_of("DF011", "FROM debian:12\nRUN apt-get install -y git curl=1 make\n") == [(2, 24), (2, 35)]


def test_rule_is_off_unless_enabled() -> None:
    result = lint("FROM debian:12\nRUN apt-get install -y curl\n", config={"today": TODAY, "shellcheck": False})
    assert "DF011" not in {f.rule for f in result.findings}
