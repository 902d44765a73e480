from tests.engine.dockerfile.rules.fixing import fixed
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n", 2, 1),
    ("FROM debian:12\nmaintainer jane\n", 2, 1),
    ("FROM debian:12 AS a\nFROM debian:12\n  MAINTAINER x\n", 3, 3),
    ('FROM debian:12\nRUN true\nMAINTAINER "Jane"\n', 3, 1),
    ("# escape=`\nFROM debian:12\nMAINTAINER a`b\n", 3, 1),
]
NEAR_MISSES = [
    'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    "FROM debian:12\nLABEL maintainer=jane\n",
    "FROM debian:12\n# MAINTAINER jane\n",
    "FROM debian:12\n# hadolint ignore=DL4000\nMAINTAINER jane\n",
    "# check=skip=MaintainerDeprecated\nFROM debian:12\nMAINTAINER jane\n",
]

test_triggers, test_near_misses = rule_table("DF020", TRIGGERS, NEAR_MISSES)


def test_fix_turns_maintainer_into_the_oci_authors_label() -> None:
    assert fixed("DF020", "FROM debian:12\nMAINTAINER Jane Doe <jane@example.com>\n") == (
        'FROM debian:12\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n'
    )


def test_fix_escapes_what_label_would_interpret() -> None:
    assert fixed("DF020", 'FROM debian:12\nMAINTAINER "J" $x \\o/\n') == (
        'FROM debian:12\nLABEL org.opencontainers.image.authors="\\"J\\" \\$x \\\\o/"\n'
    )
    assert fixed("DF020", "# escape=`\nFROM debian:12\nmaintainer a`b\n") == (
        '# escape=`\nFROM debian:12\nlabel org.opencontainers.image.authors="a``b"\n'
    )
