from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ('FROM debian:12\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\n', 2, 1),
    ('FROM debian:12\nentrypoint ["x"]\nRUN x\nENTRYPOINT ["y"]\n', 2, 1),
    ('FROM debian:12 AS a\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\nFROM a\n', 2, 1),
    ('FROM debian:12\n  ENTRYPOINT ["x"]\nCMD ["e"]\nENTRYPOINT ["y"]\n', 2, 3),
    ('FROM debian:12 AS a\nRUN true\nFROM debian:12\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\n', 4, 1),
]
NEAR_MISSES = [
    'FROM debian:12\nENTRYPOINT ["x"]\n',
    'FROM debian:12 AS a\nENTRYPOINT ["x"]\nFROM a\nENTRYPOINT ["y"]\n',
    'FROM debian:12\nENTRYPOINT ["x"]\nCMD ["y"]\n',
    'FROM debian:12\nONBUILD ENTRYPOINT ["x"]\nENTRYPOINT ["y"]\n',
    'FROM debian:12\n# hadolint ignore=DL4004\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\n',
    '# check=skip=MultipleInstructionsDisallowed\nFROM debian:12\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\n',
]

test_triggers, test_near_misses = rule_table("DF027", TRIGGERS, NEAR_MISSES)


def test_every_overridden_entrypoint_is_reported() -> None:
    snippet = 'FROM debian:12\nENTRYPOINT ["x"]\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\n'
    assert findings_of("DF027", snippet) == [(2, 1), (3, 1)]
