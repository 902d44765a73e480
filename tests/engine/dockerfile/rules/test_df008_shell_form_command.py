from tests.engine.dockerfile.rules.fixing import findings_for, fixed
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12-slim\nCMD gunicorn app:app\n", 2, 5),
    ("FROM debian:12\nENTRYPOINT /entrypoint.sh\n", 2, 12),
    ("FROM debian:12\ncmd   echo $HOME\n", 2, 7),
    ('FROM node:22 AS build\nCMD npm start\nFROM node:22\nCMD ["node"]\n', 2, 5),
    # Not valid JSON (single quotes), so BuildKit runs it through the shell.
    ("FROM debian:12\nCMD [\"a\", 'b']\n", 2, 5),
    ("FROM debian:12\nCMD python \\\n    app.py\n", 2, 5),
]
NEAR_MISSES = [
    'FROM debian:12\nCMD ["gunicorn", "app:app"]\n',
    'FROM debian:12\nENTRYPOINT ["/entrypoint.sh"]\n',
    'FROM debian:12\nSHELL ["/bin/bash", "-c"]\nCMD echo hi\n',
    'FROM debian:12 AS base\nSHELL ["/bin/sh", "-c"]\nFROM base\nCMD echo hi\n',
    "FROM debian:12\nRUN echo hi\n",
    "FROM debian:12\n# hadolint ignore=DL3025\nCMD echo hi\n",
    "# check=skip=JSONArgsRecommended\nFROM debian:12\nCMD echo hi\n",
]

test_triggers, test_near_misses = rule_table("DF008", TRIGGERS, NEAR_MISSES)


def test_simple_command_is_rewritten_to_exec_form() -> None:
    assert fixed("DF008", "FROM debian:12\nCMD gunicorn --bind 0.0.0.0:8000 app:app\n") == (
        'FROM debian:12\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n'
    )


def test_leading_exec_is_dropped_by_the_fix() -> None:
    assert fixed("DF008", "FROM debian:12\nCMD exec nginx -g daemon\n") == (
        'FROM debian:12\nCMD ["nginx", "-g", "daemon"]\n'
    )


def test_commands_with_shell_syntax_get_no_fix() -> None:
    for command in ("echo $HOME", "a && b", "nginx -g 'daemon off;'", "ls *.py", "run > log"):
        [finding] = findings_for("DF008", f"FROM debian:12\nCMD {command}\n")
        assert finding.fix is None, command


def test_fix_is_unsafe_when_cmd_and_entrypoint_combine() -> None:
    [finding] = findings_for("DF008", 'FROM debian:12\nENTRYPOINT tini\nCMD ["app"]\n')
    assert finding.fix is not None and not finding.fix.safe
