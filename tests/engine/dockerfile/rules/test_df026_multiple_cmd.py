from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ('FROM debian:12\nCMD ["x"]\nCMD ["y"]\n', 2, 1),
    ('FROM debian:12\ncmd ["x"]\nRUN x\nCMD ["y"]\n', 2, 1),
    ('FROM debian:12 AS a\nCMD ["x"]\nCMD ["y"]\nFROM a\n', 2, 1),
    ('FROM debian:12\n  CMD ["x"]\nENTRYPOINT ["e"]\nCMD ["y"]\n', 2, 3),
    ('FROM debian:12 AS a\nRUN true\nFROM debian:12\nCMD ["x"]\nCMD ["y"]\n', 4, 1),
]
NEAR_MISSES = [
    'FROM debian:12\nCMD ["x"]\n',
    'FROM debian:12 AS a\nCMD ["x"]\nFROM a\nCMD ["y"]\n',
    'FROM debian:12\nCMD ["x"]\nENTRYPOINT ["y"]\n',
    'FROM debian:12\nONBUILD CMD ["x"]\nCMD ["y"]\n',
    'FROM debian:12\n# hadolint ignore=DL4003\nCMD ["x"]\nCMD ["y"]\n',
    '# check=skip=MultipleInstructionsDisallowed\nFROM debian:12\nCMD ["x"]\nCMD ["y"]\n',
]

test_triggers, test_near_misses = rule_table("DF026", TRIGGERS, NEAR_MISSES)


def test_every_overridden_cmd_is_reported() -> None:
    snippet = 'FROM debian:12\nCMD ["x"]\nCMD ["x"]\nCMD ["y"]\n'
    assert findings_of("DF026", snippet) == [(2, 1), (3, 1)]
