"""The API in the reader's language: rule texts, findings (messages, fix titles, rule titles) and error messages
follow `?lang=`, the web app's language cookie or Accept-Language; English otherwise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings

from dockwright.i18n.catalogue import po_problems

pytestmark = pytest.mark.django_db

DOCKERFILE = "FROM python\nRUN pip install flask==3.0.3\n"


def lint(api_client, **extra):
    body = json.dumps({"content": DOCKERFILE, "filename": "Dockerfile", "config": {"shellcheck": False}})
    response = api_client.post("/api/v1/lint", data=body, content_type="application/json", **extra)
    assert response.status_code == 200, response.content
    return {f["rule"]: f for f in response.json()["findings"]}


def test_findings_follow_accept_language_and_the_cache_does_not_mix_languages(api_client):
    chinese = lint(api_client, HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9,en;q=0.8")
    english = lint(api_client, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert chinese["DF002"]["message"] == "`python` 没有标签，因此它表示 `python:latest`"
    assert chinese["DF002"]["rule_title"] == "基础镜像没有标签"
    assert chinese["DF013"]["fix"]["title"] == "添加 `--no-cache-dir`"
    assert english["DF002"]["message"] == "`python` has no tag, so it means `python:latest`"
    assert english["DF002"]["rule_title"] == "Base image has no tag"
    assert english["DF013"]["fix"]["title"] == "Add `--no-cache-dir`"
    assert "i18n" not in english["DF002"] and "i18n" not in chinese["DF002"]
    assert chinese["DF002"]["line"] == english["DF002"]["line"]


def test_the_lang_parameter_wins_over_accept_language(api_client):
    body = json.dumps({"content": DOCKERFILE, "config": {"shellcheck": False}})
    response = api_client.post(
        "/api/v1/lint?lang=zh-Hans", data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response["Content-Language"] == "zh-hans"
    messages = {f["rule"]: f["message"] for f in response.json()["findings"]}
    assert messages["DF002"] == "`python` 没有标签，因此它表示 `python:latest`"


def test_the_language_cookie_of_the_web_app_is_followed(api_client):
    api_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    assert lint(api_client, HTTP_ACCEPT_LANGUAGE="en")["DF002"]["rule_title"] == "基础镜像没有标签"


def test_a_shared_analysis_is_read_in_the_readers_language(api_client):
    body = json.dumps({"content": DOCKERFILE, "config": {"shellcheck": False}})
    created = api_client.post("/api/v1/analyses", data=body, content_type="application/json")
    assert created.status_code == 201, created.content
    url = f"/api/v1/analyses/{created.json()['id']}"
    chinese = api_client.get(url, HTTP_ACCEPT_LANGUAGE="zh-Hans").json()
    english = api_client.get(url).json()
    assert {f["message"] for f in chinese["findings"]} >= {"`python` 没有标签，因此它表示 `python:latest`"}
    assert {f["message"] for f in english["findings"]} >= {"`python` has no tag, so it means `python:latest`"}


def test_the_rule_catalogue_is_listed_in_the_language_asked_with_its_own_etag(api_client):
    chinese = api_client.get("/api/v1/rules", HTTP_ACCEPT_LANGUAGE="zh-CN")
    english = api_client.get("/api/v1/rules", HTTP_ACCEPT_LANGUAGE="en")
    rules = {r["id"]: r for r in chinese.json()}
    assert rules["DF003"]["title"] == "基础镜像使用了 `latest` 标签"
    assert rules["DF003"]["fix_title"] == "固定到某个发布版本标签或摘要（digest）"
    assert {r["id"]: r for r in english.json()}["DF003"]["title"] == "Base image uses the `latest` tag"
    assert chinese["ETag"] != english["ETag"]
    assert "Accept-Language" in chinese["Vary"]
    # A client that holds the English ETag gets the Chinese catalogue, not a 304.
    again = api_client.get("/api/v1/rules", HTTP_ACCEPT_LANGUAGE="zh-CN", HTTP_IF_NONE_MATCH=english["ETag"])
    assert again.status_code == 200


def test_the_rule_catalogue_is_searched_in_the_language_asked(api_client):
    found = api_client.get("/api/v1/rules", {"q": "基础镜像", "lang": "zh-Hans"}).json()
    assert "DF003" in {r["id"] for r in found}


def test_error_messages_follow_the_language(api_client):
    response = api_client.get("/api/v1/rules/NOPE42", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 404
    assert response.json()["message"] == "没有 id、slug 或对应工具 id 为 'NOPE42' 的规则"
    english = api_client.get("/api/v1/rules/NOPE42")
    assert english.json()["message"] == "no rule with id, slug or peer id 'NOPE42'"


def test_the_admin_speaks_the_language_asked(admin_client):
    response = admin_client.get("/admin/catalog/rulepolicy/", HTTP_ACCEPT_LANGUAGE="zh-CN")
    text = response.content.decode()
    assert "本站的严重程度" in text  # our filter title
    assert "基础镜像使用了 `latest` 标签" in text or "基础镜像使用了 <code>latest</code> 标签" in text


def test_the_server_catalogue_is_complete_and_compiled():
    assert po_problems(Path(settings.LOCALE_PATHS[0]) / "zh_Hans" / "LC_MESSAGES" / "django.po") == []


def test_a_rules_knowledge_and_the_peer_gaps_follow_the_language(api_client):
    rule = api_client.get("/api/v1/rules/DF004", HTTP_ACCEPT_LANGUAGE="zh-CN").json()
    assert rule["knowledge"]["title"] == "版本线及其生命周期结束日期"
    assert rule["knowledge"]["columns"] == ["产品", "版本", "生命周期结束"]
    chinese = api_client.get("/api/v1/peer-gaps", HTTP_ACCEPT_LANGUAGE="zh-CN")
    english = api_client.get("/api/v1/peer-gaps", HTTP_ACCEPT_LANGUAGE="en")
    assert {g["peer_id"]: g["reason"] for g in chinese.json()}["DL4002"] == "hadolint 从未使用"
    assert {g["peer_id"]: g["reason"] for g in english.json()}["DL4002"] == "never used by hadolint"
    assert chinese["ETag"] != english["ETag"]


def test_content_the_engine_refuses_is_explained_in_the_language_asked(api_client):
    body = json.dumps({"content": "FROM alpine\n" + "\x07" * 50})
    response = api_client.post("/api/v1/lint", data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="zh")
    assert response.status_code == 400
    assert response.json()["message"].endswith("内容包含控制字符；它看起来是二进制文件，而不是文本文件")


def test_a_config_the_engine_refuses_is_explained_in_the_language_asked(api_client):
    def refusal(config, lang):
        body = json.dumps({"content": DOCKERFILE, "config": config})
        response = api_client.post(
            "/api/v1/lint", data=body, content_type="application/json", HTTP_ACCEPT_LANGUAGE=lang
        )
        assert response.status_code == 400, response.content
        return response.json()["message"]

    assert refusal({"colour": 1}, "zh-CN").endswith("未知的配置键：colour")
    assert refusal({"colour": 1}, "en").endswith("unknown config key(s): colour")
    # A message within a message: the severity's own complaint, under the key it was given for.
    assert refusal({"severity": {"DF001": "loud"}}, "zh-CN").endswith(
        "severity.DF001：未知的严重程度 'loud'（应为以下之一：error, warning, info, style, none）"
    )
