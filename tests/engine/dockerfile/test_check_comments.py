"""BuildKit's `# check=` comments and hadolint's pragmas as they mute or switch on rules, through the full pipeline."""

from __future__ import annotations

from dockwright.lint import lint
from tests.engine.rule_table import TODAY


def rules_at(snippet: str, **config: object) -> list[tuple[int, str]]:
    result = lint(snippet, kind="dockerfile", config={"today": TODAY, "shellcheck": False, **config})
    return [(f.line, f.rule) for f in result.findings]


# BuildKit's testSecretsUsedInArgOrEnv: a comment before an instruction skips checks for that one only, and
# the value ends at its first space.
SECRETS = """# check=skip=InvalidDefinitionDescription

FROM scratch
ARG SECRET_PASSPHRASE
ENV password=bar
# check=skip=SecretsUsedInArgOrEnv // allow secret in environment
ENV password=bar
# check=skip=SecretsUsedInArgOrEnv // allow secret in arg
ARG password
# check=skip=all // is local to only this instruction
ENV alternate_password=bar
# check=skip=all // is local to only this instruction
ARG alternate_password
"""


def test_a_check_comment_skips_checks_for_the_next_instruction_only() -> None:
    assert [line for line, rule in rules_at(SECRETS) if rule == "DF024"] == [4, 5]


def test_a_file_directive_skips_for_the_whole_file() -> None:
    snippet = "# check=skip=SecretsUsedInArgOrEnv\nFROM scratch\nENV password=bar\nARG api_token\n"
    assert [rule for _, rule in rules_at(snippet) if rule == "DF024"] == []


def test_a_file_directive_after_a_shebang_line_counts_but_not_one_after_a_blank_line() -> None:
    snippet = "FROM scratch\nENV password=bar\n"
    assert "DF024" not in {
        r for _, r in rules_at("#!/usr/bin/env buildctl\n# check=skip=SecretsUsedInArgOrEnv\n" + snippet)
    }
    # After a blank line it is no directive, only a comment before FROM, which skips FROM's checks alone.
    found = rules_at("\n# check=skip=SecretsUsedInArgOrEnv\n" + snippet + "ENV token=x\n")
    assert [line for line, rule in found if rule == "DF024"] == [4, 5]


def test_check_names_are_case_sensitive_and_skip_only_buildkits_checks() -> None:
    assert (3, "DF024") in rules_at("FROM scratch\n# check=skip=secretsusedinargorenv\nENV password=bar\n")
    found = {rule for _, rule in rules_at("# check=skip=all\nFROM python:latest as build\nENV password=bar\n")}
    assert "DF003" in found and not found & {"DF024", "DF025"}


def test_a_check_comment_counts_until_a_comment_line_holding_only_a_hash() -> None:
    snippet = "FROM scratch\n# check=skip=SecretsUsedInArgOrEnv\n# why\n\nENV password=bar\n"
    assert (5, "DF024") not in rules_at(snippet)
    assert (6, "DF024") in rules_at(snippet.replace("# why\n", "# why\n#\n"))
    # an indented comment keeps its `#` in BuildKit's reading, so it is no directive
    assert (3, "DF024") in rules_at("FROM scratch\n  # check=skip=SecretsUsedInArgOrEnv\nENV password=bar\n")


def test_a_check_comment_does_not_skip_the_checks_buildkit_runs_on_the_whole_file() -> None:
    snippet = "FROM scratch AS a\n# check=skip=DuplicateStageName,ReservedStageName\nFROM scratch AS a\n"
    assert (3, "DF059") in rules_at(snippet)
    snippet = "FROM scratch\n# check=skip=NoEmptyContinuation\nCOPY a \\\n\n  /b\n"
    assert (5, "DF102") in rules_at(snippet)
    assert (5, "DF102") not in rules_at("# check=skip=NoEmptyContinuation\n" + snippet)


def test_a_check_comment_on_the_overriding_instruction_skips_the_report_at_the_overridden_one() -> None:
    snippet = 'FROM scratch\nCMD ["a"]\n# check=skip=MultipleInstructionsDisallowed\nCMD ["b"]\n'
    assert "DF026" not in {rule for _, rule in rules_at(snippet)}
    snippet = 'FROM scratch\n# check=skip=MultipleInstructionsDisallowed\nCMD ["a"]\nCMD ["b"]\n'
    assert (3, "DF026") in rules_at(snippet)


def test_a_malformed_check_directive_is_a_syntax_error_and_a_malformed_comment_is_ignored() -> None:
    assert (1, "DF001") in rules_at("# check=skip=all;bogus\nFROM scratch\n")
    assert (1, "DF001") in rules_at("# check=error=maybe\nFROM scratch\n")
    assert (1, "DF001") not in rules_at("# check=skip=all;error=true // fail on warnings\nFROM scratch\n")
    assert (3, "DF024") in rules_at("FROM scratch\n# check=bogus\nENV password=bar\n")


def test_hadolints_stage_pragma_mutes_the_rest_of_its_stage() -> None:
    snippet = "# hadolint stage ignore=DL3011\nFROM ubuntu:24.04\nEXPOSE 80000\nFROM ubuntu:24.04\nEXPOSE 80000\n"
    assert [line for line, rule in rules_at(snippet) if rule == "DF029"] == [5]
    snippet = "FROM ubuntu:24.04\nEXPOSE 80000\n# hadolint stage ignore=DL3011\nFROM ubuntu:24.04\nEXPOSE 80000\n"
    assert [line for line, rule in rules_at(snippet) if rule == "DF029"] == [2]
    snippet = (
        "FROM ubuntu:24.04\n# dockwright stage ignore=DF029\nEXPOSE 80000\nEXPOSE 70000\n"
        "FROM ubuntu:24.04\nEXPOSE 80000\n"
    )
    assert [line for line, rule in rules_at(snippet) if rule == "DF029"] == [6]
