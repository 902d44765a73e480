from dockwright.lint import lint
from tests.engine.rule_table import TODAY, findings_of, rule_table

TRIGGERS = [
    ("# a non-descriptive comment\nFROM alpine:3.20 AS base\n", 2, 1),
    ("FROM alpine:3.20\n# the version\nARG VERSION=1\n", 3, 1),
    ("# bar this is the bar\nARG foo=bar\nFROM alpine:3.20\n", 2, 1),
    # stage names are lower-cased, comparisons are not
    ("# BasE this is the BasE image\nFROM scratch AS base\n", 2, 1),
    ("# Base is the base\nFROM scratch AS Base\n", 2, 1),
    # several keys: the comment must start with one of them
    ("FROM alpine:3.20\n# definitely a bad comment\nARG foo=baz bar=qux baz=quux\n", 3, 1),
    # a blank line does not separate the comment, in BuildKit's parser
    ("FROM alpine:3.20\n# another non-descriptive comment\n\nARG VERSION=1\n", 4, 1),
    # an indented comment keeps its `#` in BuildKit's reading
    ("FROM alpine:3.20\n  # VERSION is the version\nARG VERSION=1\n", 3, 1),
]
NEAR_MISSES = [
    "# base is a stage for compiling source\nFROM alpine:3.20 AS base\n# VERSION is the version\nARG VERSION=1\n",
    "# foo this is the foo\nARG foo=bar\n\n# base this is the base image\nFROM scratch AS base\n",
    "FROM alpine:3.20\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n",
    # a `#` line separates the comment from the instruction
    "FROM alpine:3.20\n# a comment about the file\n#\nARG VERSION=1\n",
    # only FROM with a stage name, and ARG
    "# a comment\nFROM alpine:3.20\n# copy the sources\nCOPY . /src\n",
    "FROM alpine:3.20\nARG VERSION=1\n",
    # the last comment is the description
    "FROM alpine:3.20\n# something else\n# VERSION is the version\nARG VERSION=1\n",
    # the file's directives are not comments of the first instruction
    "# syntax=docker/dockerfile:1\n# check=experimental=InvalidDefinitionDescription\nFROM alpine:3.20 AS base\n",
]

test_triggers, test_near_misses = rule_table("DF099", TRIGGERS, NEAR_MISSES)


def findings(snippet: str) -> list[int]:
    result = lint(snippet, kind="dockerfile", config={"today": TODAY, "shellcheck": False})
    return [f.line for f in result.findings if f.rule == "DF099"]


def test_off_unless_the_file_or_the_config_switches_it_on() -> None:
    snippet = "# a comment\nFROM alpine:3.20 AS base\n"
    assert findings(snippet) == []
    assert findings("# check=experimental=InvalidDefinitionDescription\n" + snippet) == [3]
    assert findings("# check=experimental=all\n" + snippet) == [3]
    assert findings_of("DF099", snippet) == [(2, 1)]


def test_a_comment_before_one_instruction_switches_it_on_for_that_instruction() -> None:
    snippet = (
        "# check=experimental=InvalidDefinitionDescription\nFROM alpine:3.20 AS base\n# not a description\nARG A=1\n"
    )
    assert findings("FROM alpine:3.20\n" + snippet) == [3]


def test_skip_does_not_switch_an_experimental_check_off() -> None:
    # BuildKit's testDefinitionDescription: skip=all, yet the experimental check runs.
    snippet = (
        "# check=skip=all;experimental=InvalidDefinitionDescription\n# foo this is the foo\nARG foo=bar\n\n"
        "# base this is the base image\nFROM scratch AS base\n\n# version this is the version number\n"
        "ARG version=latest\n\n# baz this is the baz\nARG foo=baz bar=qux baz=quux\n#\nARG bit=bat\n\n"
        "# comment for something other than ARG or FROM\nCOPY Dockerfile .\n"
    )
    assert findings(snippet) == []
    assert findings(snippet.replace("# base this", "# bass this")) == [6]


def test_the_config_can_still_turn_it_off() -> None:
    snippet = "# check=experimental=InvalidDefinitionDescription\n# a comment\nFROM alpine:3.20 AS base\n"
    result = lint(snippet, kind="dockerfile", config={"today": TODAY, "shellcheck": False, "ignore": ["DF099"]})
    assert [f for f in result.findings if f.rule == "DF099"] == []
