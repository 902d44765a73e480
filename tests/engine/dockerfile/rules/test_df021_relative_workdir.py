from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12-slim\nWORKDIR app\n", 2, 9),
    ("FROM debian:12\nworkdir  src/app\n", 2, 10),
    ("FROM debian:12\nARG DIR=app\nWORKDIR $DIR\n", 3, 9),
    ("FROM debian:12 AS a\nWORKDIR /a\nFROM debian:12\nWORKDIR b\n", 4, 9),
    ('FROM debian:12\nWORKDIR "app"\n', 2, 9),
    ("FROM debian:12\nRUN true\nWORKDIR ./x\nWORKDIR /y\n", 3, 9),
]
NEAR_MISSES = [
    "FROM debian:12\nWORKDIR /app\n",
    "FROM debian:12\nWORKDIR /app\nWORKDIR src\n",
    # As in BuildKit, only the first WORKDIR of a stage is judged.
    "FROM debian:12\nWORKDIR /app\nWORKDIR ../lib\n",
    "FROM debian:12 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n",
    "FROM debian:12\nWORKDIR $HOME/app\n",
    "FROM debian:12\nENV HOME=/root\nWORKDIR $HOME/app\n",
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n",
    "FROM debian:12\n# hadolint ignore=DL3000\nWORKDIR app\n",
    "# check=skip=WorkdirRelativePath\nFROM debian:12\nWORKDIR app\n",
    # Windows paths, with backslash or backtick as the escape character (hadolint's DL3000 spec).
    'FROM debian:12\nWORKDIR "C:\\"\n',
    "FROM debian:12\nWORKDIR C:\\app\n",
    '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR "C:\\"\n',
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\Program Files\\App\n",
]

test_triggers, test_near_misses = rule_table("DF021", TRIGGERS, NEAR_MISSES)
