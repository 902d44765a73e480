"""The web app in Simplified Chinese: the header's language switch, remembered after a reload, the browser's
own language followed at first, and the server's texts (rule titles, findings) in the language chosen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.e2e_support import BAD_DOCKERFILE, open_editor, type_into_editor, wait_for_findings

pytestmark = pytest.mark.browser


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
