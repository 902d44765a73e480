from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12\nRUNN pip install flask\n", 2, 1),
    ("FROM python:3.12\nUSER\n", 2, 1),
    ("RUN echo before\nFROM python:3.12\n", 1, 1),
    ("FROM python:3.12\nRUN <<EOF\necho never closed\n", 2, 5),
    ("# escape=x\nFROM python:3.12\n", 1, 10),
    ("FROM python:3.12\nONBUILD FROM other\n", 2, 9),
    ("FROM python:3.12\n  COPYY . .\nRUN echo ok\n", 2, 3),
]
NEAR_MISSES = [
    "FROM python:3.12\nRUN pip install flask\n",
    "ARG V=3.12\nFROM python:${V}\n",
    "FROM python:3.12\nRUN <<EOF\necho closed\nEOF\n# a comment right after the terminator\nRUN true\n",
    "# escape=`\nFROM python:3.12\nRUN echo a `\n    b\n",
    "from python:3.12\nrun echo lower case is fine\n",
    "FROM python:3.12\nRUN echo a \\\n\n    b\n",
    "FROM python:3.12\nHEALTHCHECK NONE\n",
]

test_triggers, test_near_misses = rule_table("DF001", TRIGGERS, NEAR_MISSES)


def test_a_syntax_error_does_not_hide_other_findings() -> None:
    from tests.engine.rule_table import findings_of

    snippet = "FROM python:3.12\nRUNN x\nFROM node:latest\n"
    assert findings_of("DF001", snippet) == [(2, 1)]
    assert findings_of("DF003", snippet) == [(3, 6)]
