import pytest

from dockwright.dockerfile.queries.secrets import is_secret_name
from tests.engine.dockerfile.rules.fixing import findings_for
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12-slim\nARG GITHUB_TOKEN\n", 2, 5),
    ("FROM debian:12\nENV DB_PASSWORD=secret123\n", 2, 5),
    ("FROM debian:12\nENV API_KEY abc\n", 2, 5),
    ("FROM debian:12\nARG FOO=1 AWS_SECRET_ACCESS_KEY=x\n", 2, 11),
    ("FROM debian:12\nENV AUTH=basic\n", 2, 5),
    ("FROM debian:12\narg npm_token\n", 2, 5),
    # Values shaped like real credentials, whatever the name.
    ("FROM debian:12\nENV AWS_ID=AKIAIOSFODNN7EXAMPLE\n", 2, 12),
    ("ARG GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789\nFROM debian:12\n", 1, 8),
    ("FROM debian:12\nENV SLACK=xoxb-1234567890-abcdefghij\n", 2, 11),
    ('FROM debian:12\nENV SSH="-----BEGIN OPENSSH PRIVATE KEY-----"\n', 2, 9),
    ("FROM debian:12\nONBUILD ENV DB_PASSWORD=secret123\n", 2, 13),
]
NEAR_MISSES = [
    "FROM debian:12\nENV DB_PASSWORD_FILE=/run/secrets/db\n",
    "FROM debian:12\nARG PUBLIC_KEY=abc\n",
    "FROM debian:12\nENV KEYCLOAK_URL=http://kc\n",
    "FROM debian:12\nENV TOKENIZER=bert\n",
    "FROM debian:12\nENV MONKEY=1\n",
    "FROM debian:12\nENV GPG_KEY_VERSION=2\n",
    "FROM debian:12\nARG NODE_VERSION=22\n",
    # Like BuildKit, names of global ARGs are not checked (their values are).
    "ARG GITHUB_TOKEN\nFROM debian:12\n",
    "FROM debian:12\nLABEL token=abc\n",
    "FROM debian:12\n# dockwright ignore=DF024\nARG GITHUB_TOKEN\n",
    "# check=skip=SecretsUsedInArgOrEnv\nFROM debian:12\nARG GITHUB_TOKEN\n",
    "FROM debian:12\nONBUILD ENV DB_HOST=db\n",
]

test_triggers, test_near_misses = rule_table("DF024", TRIGGERS, NEAR_MISSES)


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("password", True),
        ("SECRET_message", True),
        ("my_apikey", True),
        ("GITHUB_CREDENTIALS", True),
        ("PWORD", True),
        ("PASSWORDS", False),
        ("PUBLIC_API_KEY", False),
        ("SSH_KEY_FILE", False),
        ("HASHKEY", False),
    ],
)
def test_names_are_matched_as_buildkit_does(name: str, secret: bool) -> None:
    assert is_secret_name(name) is secret


def test_a_secret_name_with_a_secret_value_is_reported_once() -> None:
    findings = findings_for("DF024", "FROM debian:12\nENV GITHUB_TOKEN=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n")
    assert len(findings) == 1
    assert "GitHub token" in findings[0].message
