"""The web app in Simplified Chinese: the header's language switch, remembered after a reload, the browser's
own language followed at first, and the server's texts (rule titles, findings) in the language chosen."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.e2e_support import (
    BAD_DOCKERFILE,
    create_user,
    header_rows,
    open_editor,
    screenshot,
    sign_in,
    type_into_editor,
    wait_for_findings,
)

pytestmark = pytest.mark.browser

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_header_switches_to_chinese_and_the_choice_is_remembered_after_a_reload(page: Page) -> None:
    page.goto("/rules")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Rules")).to_be_visible()

    page.get_by_role("combobox", name="Language").select_option("zh-Hans")

    chinese_nav = page.get_by_role("navigation", name="主导航")
    expect(chinese_nav.get_by_role("link", name="规则")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    # The rule catalogue is asked for again, and the server sends the titles in Chinese.
    expect(page.get_by_text("基础镜像使用了", exact=False).first).to_be_visible()

    page.reload()
    expect(page.get_by_role("navigation", name="主导航").get_by_role("link", name="规则")).to_be_visible()
    expect(page.get_by_role("combobox", name="语言")).to_have_value("zh-Hans")

    page.get_by_role("combobox", name="语言").select_option("en")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Rules")).to_be_visible()
    page.reload()
    expect(page.get_by_role("combobox", name="Language")).to_have_value("en")


@pytest.fixture
def chinese_page(browser: Browser, app_url: str) -> Iterator[Page]:
    """A browser whose own language is Chinese (navigator.languages and Accept-Language say zh-CN)."""
    context = browser.new_context(base_url=app_url, viewport={"width": 1280, "height": 860}, locale="zh-CN")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def test_a_chinese_browser_gets_the_app_and_its_findings_in_chinese(chinese_page: Page) -> None:
    open_editor(chinese_page)
    expect(chinese_page.get_by_role("navigation", name="主导航").get_by_role("link", name="编辑器")).to_be_visible()
    type_into_editor(chinese_page, BAD_DOCKERFILE)
    wait_for_findings(chinese_page)
    # DF003's message, written by the server from the same catalogue as the CLI's.
    expect(chinese_page.get_by_text("使用了浮动的", exact=False).first).to_be_visible()


def _switch_to_chinese(page: Page) -> None:
    page.get_by_role("combobox", name="Language").select_option("zh-Hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")


def _share(page: Page, content: str) -> dict[str, Any]:
    response = page.request.post(
        "/api/v1/analyses",
        data=json.dumps({"content": content, "filename": "Dockerfile"}),
        headers={"Content-Type": "application/json"},
    )
    assert response.status == 201, response.text()
    body = response.json()
    assert isinstance(body, dict)
    return body


# Every main route with what it shows in Chinese once switched: its title, its main heading and a control or text
# of its own.
CHINESE_ROUTES = [
    ("/", "编辑器 · Dockwright", "审查 Dockerfile 或 Compose 文件", ("button", "加载示例")),
    ("/rules", "规则 · Dockwright", "规则", ("heading", "其他工具中没有对应独立规则的检查")),
    ("/rules/DF008", re.compile(r"^DF008 .+ · Dockwright$"), None, ("heading", "忽略此规则")),
    ("/rules/DF004", re.compile(r"^DF004 .+ · Dockwright$"), None, ("heading", "此规则掌握的信息")),
    ("/about", "关于 · Dockwright", "关于 Dockwright", ("button", "再次检查")),
    ("/signin", "登录 · Dockwright", "登录", ("button", "登录")),
    ("/history", "历史记录 · Dockwright", "历史记录", ("heading", None)),
    ("/no/such/page", "页面不存在 · Dockwright", "页面不存在", ("link", "浏览规则")),
    ("/rules/XX999", "未找到规则 · Dockwright", "未找到规则", ("link", "搜索规则")),
]


def test_every_main_route_reads_in_chinese_after_the_switch(page: Page) -> None:
    open_editor(page)
    _switch_to_chinese(page)
    for path, title, heading, (role, name) in CHINESE_ROUTES:
        page.goto(path)
        expect(page).to_have_title(title)
        if heading is not None:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        if name is not None:
            expect(page.get_by_role(role, name=name).first).to_be_visible()  # type: ignore[arg-type]
        expect(page.locator(".loading")).to_have_count(0)
        assert _english_phrases(page) == [], path


# What is shown as it is in every language: the facts in the cells of what a rule knows (image names, ports,
# purposes).
SERVER_TEXTS_IN_ENGLISH = ".rule-knowledge td"


def _english_phrases(page: Page) -> list[str]:
    """Texts of the page (those only screen readers read included) holding three English words in a row: wording
    left untranslated. Code, the editor's text and each language's own name in the switch are not wording."""
    phrases = page.evaluate(
        r"""(SERVER_TEXTS_IN_ENGLISH) => {
            const skip = 'code, pre, .cm-editor, script, style, [lang="en"], ' + SERVER_TEXTS_IN_ENGLISH
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
            const found = []
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.parentElement.closest(skip)) continue
                const match = node.textContent.match(/[A-Za-z]{2,}(?:,? [A-Za-z]{2,}){2,}/)
                if (match) found.push(match[0])
            }
            const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder]')]
                .filter((el) => !el.closest(skip))
                .flatMap((el) => ['aria-label', 'title', 'placeholder'].map((name) => el.getAttribute(name) || ''))
                .map((text) => text.match(/[A-Za-z]{2,}(?:,? [A-Za-z]{2,}){2,}/)?.[0])
                .filter(Boolean)
            return [...found, ...attributes]
        }""",
        SERVER_TEXTS_IN_ENGLISH,
    )
    assert isinstance(phrases, list)
    return phrases


def test_the_editor_its_findings_and_their_fixes_read_in_chinese(page: Page) -> None:
    open_editor(page)
    type_into_editor(page, BAD_DOCKERFILE)
    wait_for_findings(page)
    expect(page.get_by_role("heading", level=2, name="Findings")).to_be_visible()
    _switch_to_chinese(page)
    wait_for_findings(page)
    expect(page.get_by_role("heading", level=2, name="发现的问题")).to_be_visible()
    expect(page.get_by_role("group", name="显示这些严重程度的问题").get_by_role("button", name="警告")).to_be_visible()
    expect(page.get_by_role("button", name="分析", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="打开文件")).to_be_visible()
    expect(page.get_by_text("为什么重要：").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^应用修复")).first).to_be_visible()
    # The findings themselves were asked for again: the server wrote them in Chinese.
    expect(page.get_by_text("使用了浮动的", exact=False).first).to_be_visible()
    expect(page.get_by_test_id("cursor-position")).to_contain_text("行")


def test_a_shared_analysis_is_read_again_in_the_language_chosen(page: Page) -> None:
    shared = _share(page, BAD_DOCKERFILE)
    open_editor(page, shared["url"])
    wait_for_findings(page)
    messages = page.locator(".finding__message")
    expect(messages.first).to_be_visible()
    english = messages.all_text_contents()
    assert not any(CJK.search(message) for message in english), english
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))

    _switch_to_chinese(page)
    expect(page.get_by_text("使用了浮动的", exact=False).first).to_be_visible()
    chinese = messages.all_text_contents()
    assert chinese and all(CJK.search(message) for message in chinese), chinese
    assert any(url.endswith(f"/api/v1/analyses/{shared['id']}") for url in requests), requests
    # Still the shared analysis, its link and its text as they were.
    expect(page).to_have_url(re.compile(f"/a/{shared['id']}$"))
    expect(page.get_by_role("region", name="分享链接")).to_be_visible()


def test_on_a_phone_the_language_is_chosen_in_the_menu_of_the_one_row_header(
    phone_page: Page, manage_py: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    open_editor(phone_page)
    header = phone_page.get_by_role("banner")
    expect(header.get_by_role("combobox", name="Language")).to_be_hidden()
    assert header_rows(phone_page) == 1
    menu = header.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    header.get_by_role("combobox", name="Language").select_option("zh-Hans")
    expect(phone_page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(header.get_by_role("navigation", name="主导航").get_by_role("link", name="编辑器")).to_be_visible()
    # Escape closes the menu and gives the focus back to its button; the header is one row that fits the width.
    phone_page.keyboard.press("Escape")
    expect(header.get_by_role("combobox", name="语言")).to_be_hidden()
    expect(header.get_by_role("button", name="菜单")).to_be_focused()
    assert header_rows(phone_page) == 1
    _assert_fits_the_width(phone_page)

    # Signed in, the menu holds the history and "sign out" too, in both languages, and the header stays one row.
    username, password = create_user(manage_py, "e2e-phone-languages", "a password for phones 5")
    sign_in(phone_page, username, password)
    open_editor(phone_page)
    assert header_rows(phone_page) == 1
    _assert_fits_the_width(phone_page)
    header.get_by_role("button", name="菜单").click()
    expect(header.get_by_role("button", name="退出登录")).to_be_visible()
    screenshot(phone_page, "phone-header-menu-chinese")
    header.get_by_role("combobox", name="语言").select_option("en")
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()
    # A press outside closes it; it never covers the editor unasked.
    phone_page.mouse.click(20, 600)
    expect(header.get_by_role("button", name="Sign out")).to_be_hidden()
    assert header_rows(phone_page) == 1
    _assert_fits_the_width(phone_page)
    # Remembered, as on a wider screen.
    phone_page.reload()
    expect(header.get_by_role("link", name="Editor")).to_be_visible()


def _assert_fits_the_width(page: Page) -> None:
    overflow = page.evaluate(
        """() => {
            const header = document.querySelector('.site-header__inner')
            return [document.documentElement.scrollWidth - innerWidth, header.scrollWidth - header.clientWidth]
        }"""
    )
    assert overflow == [0, 0], f"the page or its header scrolls sideways by {overflow} px"
