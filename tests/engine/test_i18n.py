"""Findings and rule texts in English and Simplified Chinese, from one gettext catalogue."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from dockwright.cli import main
from dockwright.i18n import (
    CHINESE_SIMPLIFIED,
    ENGLISH,
    Message,
    language,
    localize,
    preferred_language,
    render,
    verbatim,
)
from dockwright.i18n.catalogue import fields, problems
from dockwright.lint import lint
from dockwright.rules import load_all, registry


def test_every_rule_text_and_message_template_has_a_simplified_chinese_translation_with_the_same_fields() -> None:
    # Rules' titles, rationales and fix titles, and every Message(...) template in the engine; a translation
    # must use exactly the fields of its source, and every template must be a literal the catalogue can hold.
    assert problems(CHINESE_SIMPLIFIED) == []


def test_the_catalogue_check_finds_a_missing_translation_and_other_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    from dockwright.i18n import catalogue

    po = catalogue.read(CHINESE_SIMPLIFIED)
    po["Add `--no-cache-dir`"].string = ""
    po["`{image}` has no tag, so it means `{image}:latest`"].string = "`{image}` 没有标签"
    monkeypatch.setattr(catalogue, "read", lambda lang: po)
    found = problems(CHINESE_SIMPLIFIED)
    assert any("no zh-Hans translation of 'Add `--no-cache-dir`'" in p for p in found)
    assert any("has other fields than the source" in p for p in found)


# Rules whose messages are what a parser, a schema validator or ShellCheck says, shown as they are.
SHOWN_VERBATIM = {"DF001", "DF100", "DF108", "DC001", "DC002", "DC003"}


def test_every_rule_example_reports_messages_that_translate() -> None:
    load_all()
    for rule in registry:
        kind = rule.target
        for finding in lint(rule.bad, kind=kind, config={"enable": [rule.id]}).findings:
            assert isinstance(finding.message, Message), (rule.id, finding.message)
            if finding.rule == rule.id and rule.id not in SHOWN_VERBATIM:
                assert render(finding.message, CHINESE_SIMPLIFIED) != finding.message, (rule.id, finding.message)


def test_the_compiled_catalogue_is_the_compilation_of_the_po_file() -> None:
    assert [p for p in problems(CHINESE_SIMPLIFIED) if "is not the compilation" in p] == []


def test_a_message_is_its_english_text_and_keeps_its_template() -> None:
    message = Message("`{image}` has no tag, so it means `{image}:latest`", image="python")
    assert message == "`python` has no tag, so it means `python:latest`"
    assert message.template == "`{image}` has no tag, so it means `{image}:latest`"
    assert render(message, ENGLISH) == message


def test_a_message_renders_in_simplified_chinese_with_its_fields() -> None:
    message = Message("`{image}` has no tag, so it means `{image}:latest`", image="python")
    assert render(message, CHINESE_SIMPLIFIED) == "`python` 没有标签，因此它表示 `python:latest`"


def test_a_message_survives_pickling_and_json_with_its_template() -> None:
    nested = Message("{count:,} more findings of {rule_id} in this file are not listed", count=1234, rule_id="DF003")
    outer = Message("`{image}` uses the moving `latest` tag{via}", image="python:latest", via=nested)
    for copy in (pickle.loads(pickle.dumps(outer)), Message.from_data(json.loads(json.dumps(outer.to_data())))):
        assert copy == outer
        assert copy.template == outer.template
        assert isinstance(copy.fields["via"], Message)


def test_verbatim_text_is_the_same_in_every_language() -> None:
    text = verbatim("mapping values are not allowed here")
    assert render(text, CHINESE_SIMPLIFIED) == render(text, ENGLISH) == "mapping values are not allowed here"


def test_a_translation_that_does_not_fit_its_fields_falls_back_to_english() -> None:
    message = Message("an English text no catalogue has, about {thing}", thing="x")
    assert render(message, CHINESE_SIMPLIFIED) == "an English text no catalogue has, about x"


def test_fields_are_compared_with_their_conversions_and_formats() -> None:
    assert fields("{count:,} of {name!r}") == ["count:,", "name!r"]
    assert fields("{name!r} 的 {count:,}") == ["count:,", "name!r"]
    assert fields("{name} 的 {count}") != fields("{count:,} of {name!r}")


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh-Hans", CHINESE_SIMPLIFIED),
        ("zh-hans", CHINESE_SIMPLIFIED),
        ("zh_CN", CHINESE_SIMPLIFIED),
        ("zh-CN", CHINESE_SIMPLIFIED),
        ("zh", CHINESE_SIMPLIFIED),
        ("zh-Hans-SG", CHINESE_SIMPLIFIED),
        ("zh-TW", ENGLISH),
        ("zh-Hant", ENGLISH),
        ("en-GB", ENGLISH),
        ("fr", ENGLISH),
        ("zhx", ENGLISH),
        ("", ENGLISH),
        (None, ENGLISH),
    ],
)
def test_language_tags_map_to_the_languages_we_have(tag: str | None, expected: str) -> None:
    assert language(tag) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", CHINESE_SIMPLIFIED),
        ("en-US,en;q=0.9,zh-CN;q=0.8", ENGLISH),
        ("fr-FR,zh-CN;q=0.7,en;q=0.5", CHINESE_SIMPLIFIED),
        ("en;q=0.4,zh-Hans;q=0.6", CHINESE_SIMPLIFIED),
        ("zh-TW", ENGLISH),
        ("zh-CN;q=0", ENGLISH),
        ("*", ENGLISH),
        ("", ENGLISH),
    ],
)
def test_accept_language_picks_the_first_language_we_have_by_weight(header: str, expected: str) -> None:
    assert preferred_language(header) == expected


def test_a_finding_is_localized_with_its_fix_title() -> None:
    load_all()
    finding = next(f for f in lint("FROM python:3.12\nRUN pip install flask==3.0.3\n").findings if f.rule == "DF013")
    chinese = localize(finding, CHINESE_SIMPLIFIED)
    assert finding.fix is not None and chinese.fix is not None
    assert chinese.fix.title == "添加 `--no-cache-dir`"
    assert chinese.span == finding.span and chinese.rule == finding.rule
    assert localize(finding, ENGLISH) is finding


def test_rule_metadata_is_given_in_the_language_asked() -> None:
    load_all()
    rule = registry.get("DF003")
    assert rule is not None
    assert rule.metadata()["title"] == "Base image uses the `latest` tag"
    assert rule.metadata(CHINESE_SIMPLIFIED)["title"] == "基础镜像使用了 `latest` 标签"
    assert rule.metadata(CHINESE_SIMPLIFIED)["fix_title"] == "固定到某个发布版本标签或摘要（digest）"


def test_the_cli_writes_messages_in_the_language_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text("FROM python\n")
    main(["lint", "--no-shellcheck", "--lang", "zh-Hans", str(path)])
    chinese = capsys.readouterr().out
    main(["lint", "--no-shellcheck", str(path)])
    english = capsys.readouterr().out
    assert "`python` 没有标签，因此它表示 `python:latest`" in chinese
    assert "`python` has no tag, so it means `python:latest`" in english
    assert "DF002" in chinese and "warning" in chinese  # ids and severities stay as they are: scripts read them


def test_the_cli_json_has_translated_fix_titles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text("FROM python:3.12\nRUN pip install flask==3.0.3\n")
    main(["lint", "--no-shellcheck", "--lang", "zh-Hans", "--format", "json", str(path)])
    findings = json.loads(capsys.readouterr().out)
    fix = next(f["fix"] for f in findings if f["rule"] == "DF013")
    assert fix["title"] == "添加 `--no-cache-dir`"


def test_the_cli_lists_rules_in_the_language_asked(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rules", "--format", "json", "--lang", "zh-CN"])
    rules = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rules["DF005"]["title"] == "最终阶段以 root 身份运行"


def test_a_rules_knowledge_table_has_its_own_words_in_the_language_asked_and_its_facts_as_they_are() -> None:
    load_all()
    rule = registry.get("DF004")
    knowledge = rule.knowledge() if rule is not None else None
    assert knowledge is not None
    english, chinese = knowledge.as_dict(), knowledge.as_dict(CHINESE_SIMPLIFIED)
    assert english["title"] == "Release lines and their end of life"
    assert chinese["title"] == "版本线及其生命周期结束日期"
    assert chinese["columns"] == ["产品", "版本", "生命周期结束"]
    assert chinese["rows"] == english["rows"] and chinese["sources"] == english["sources"]


def test_a_yes_in_a_knowledge_table_is_translated_and_the_images_and_ports_are_not() -> None:
    from dockwright.knowledge import listening_ports

    english, chinese = listening_ports().as_dict(), listening_ports().as_dict(CHINESE_SIMPLIFIED)
    admin = next(index for index, row in enumerate(english["rows"]) if row[-1] == "yes")
    image, port = 0, 2
    assert chinese["rows"][admin][-1] == "是"
    assert [chinese["rows"][admin][i] for i in (image, port)] == [english["rows"][admin][i] for i in (image, port)]
    assert {row[1] for row in chinese["rows"]} - {row[1] for row in english["rows"]} <= {"默认"}


def test_a_rules_notes_are_given_in_the_language_asked() -> None:
    load_all()
    rule = registry.get("DF002")
    assert rule is not None
    assert rule.metadata()["notes"].startswith("The image is checked after ARG substitution")
    assert rule.metadata(CHINESE_SIMPLIFIED)["notes"] == (
        "镜像在 ARG 替换之后检查，因此带 `ARG BASE=python` 的 `FROM ${BASE}` 也会被发现。"
    )


def test_peer_gaps_and_rule_options_are_given_in_the_language_asked() -> None:
    from dockwright.rules.peer_gaps import peer_gaps

    reasons = {gap["peer_id"]: gap["reason"] for gap in peer_gaps(CHINESE_SIMPLIFIED)}
    assert reasons["DL4002"] == "hadolint 从未使用"
    assert {gap["peer_id"]: gap["reason"] for gap in peer_gaps()}["DL4002"] == "never used by hadolint"
    load_all()
    rule = registry.get("DC019")
    assert rule is not None
    assert rule.metadata(CHINESE_SIMPLIFIED)["options"][0]["description"] == "视为浮动标签的标签"


def test_sarif_describes_the_rules_in_the_language_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "Dockerfile"
    path.write_text("FROM python\n")
    main(["lint", "--no-shellcheck", "--lang", "zh-Hans", "--format", "sarif", str(path)])
    log = json.loads(capsys.readouterr().out)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["DF003"]["shortDescription"]["text"] == "基础镜像使用了 `latest` 标签"
    assert "错误示例：" in rules["DF003"]["help"]["text"]
    messages = {result["message"]["text"] for result in log["runs"][0]["results"]}
    assert "`python` 没有标签，因此它表示 `python:latest`" in messages
    main(["lint", "--no-shellcheck", "--format", "sarif", str(path)])
    english = {rule["id"]: rule for rule in json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]}
    assert english["DF003"]["help"]["text"].startswith("Pin a release tag or a digest.\n\nBad:\n")


def test_the_cli_says_what_is_wrong_with_a_run_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lint", "--lang", "zh-Hans"]) == 2
    assert capsys.readouterr().err == "dockwright: 没有要检查的内容：请给出 PATH 或 -f FILE\n"
    binary = tmp_path / "Dockerfile"
    binary.write_bytes(b"FROM \xff\n")
    assert main(["lint", "--no-shellcheck", "--lang", "zh-Hans", str(binary)]) == 2
    assert f"dockwright: {binary}：不是有效的 UTF-8（第 5 字节）\n" in capsys.readouterr().err
    assert main(["lint", "--no-shellcheck", str(binary)]) == 2
    assert f"dockwright: {binary}: not valid UTF-8 (byte 5)\n" in capsys.readouterr().err


def test_the_cli_lists_peer_gaps_in_the_language_asked(capsys: pytest.CaptureFixture[str]) -> None:
    main(["rules", "--gaps", "--lang", "zh-Hans"])
    listing = capsys.readouterr().out
    assert "hadolint 从未使用" in listing and "[由 DF001 覆盖]" in listing
