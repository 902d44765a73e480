"""The language server in the editor's language: `lang` in initializationOptions (or the `dockwright` settings)
gives diagnostics, fix titles and hovers in Simplified Chinese."""

from __future__ import annotations

from dockwright.i18n import CHINESE_SIMPLIFIED, ENGLISH
from dockwright.lsp.analysis import Request, analyse
from dockwright.lsp.hover import hover
from dockwright.lsp.settings import ServerSettings

TEXT = "FROM python\nRUN pip install flask==3.0.3\n"


def test_the_language_comes_from_the_editors_options_and_stays_until_changed() -> None:
    settings = ServerSettings.from_editor({"dockwright": {"lang": "zh-CN"}})
    assert settings.lang == CHINESE_SIMPLIFIED
    assert ServerSettings.from_editor({"debounceMs": 100}, settings).lang == CHINESE_SIMPLIFIED
    assert ServerSettings.from_editor({"lang": "en"}, settings).lang == ENGLISH
    assert ServerSettings.from_editor(None).lang == ENGLISH


def test_findings_and_hovers_are_in_the_language_asked() -> None:
    request = Request("file:///p/Dockerfile", 1, TEXT, "dockerfile", "Dockerfile", lang=CHINESE_SIMPLIFIED)
    analysis = analyse(request)
    by_rule = {f.rule: f for f in analysis.findings}
    assert by_rule["DF002"].message == "`python` 没有标签，因此它表示 `python:latest`"
    fix = by_rule["DF013"].fix
    assert fix is not None and fix.title == "添加 `--no-cache-dir`"

    shown = hover(analysis, 1, 6, "https://rules.example")
    assert shown is not None
    assert "**基础镜像没有标签**" in shown[0]
    assert "*原因：* 没有标签时 Docker 会拉取 `latest`" in shown[0]


def test_english_is_the_default() -> None:
    analysis = analyse(Request("file:///p/Dockerfile", 1, TEXT, "dockerfile", "Dockerfile"))
    assert {f.rule: f.message for f in analysis.findings}["DF002"] == (
        "`python` has no tag, so it means `python:latest`"
    )
