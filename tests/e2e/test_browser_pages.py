"""The rule catalogue, a rule page and the about page in a real browser; every page at phone width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.e2e_support import BAD_DOCKERFILE, open_editor, screenshot, type_into_editor

pytestmark = pytest.mark.browser


def test_the_rule_catalogue_searches_and_filters(page: Page) -> None:
    rules = page.request.get("/api/v1/rules").json()
    page.goto("/rules")
    expect(page.get_by_role("status")).to_have_text(f"{len(rules)} rules")
    screenshot(page, "rules")

    with_peer = next(rule for rule in rules if rule["equivalents"].get("hadolint"))
    page.get_by_role("searchbox", name="Search").fill(with_peer["equivalents"]["hadolint"])
    expect(page.get_by_role("list", name="Rules").get_by_role("link").first).to_have_attribute(
        "href", f"/rules/{with_peer['id']}"
    )

    page.get_by_role("searchbox", name="Search").fill("")
    page.get_by_role("combobox", name="File type").select_option("compose")
    compose_rules = [rule for rule in rules if rule["target"] == "compose"]
    expect(page.get_by_role("list", name="Rules").get_by_role("link")).to_have_count(len(compose_rules))
    expect(page).to_have_url(re.compile(r"/rules\?target=compose$"))


def test_the_rule_catalogue_ends_with_the_peer_checks_it_has_no_rule_for(page: Page) -> None:
    gaps = page.request.get("/api/v1/peer-gaps").json()
    page.goto("/rules")
    table = page.get_by_role("table", name="Checks from other tools without a rule of their own")
    expect(table.get_by_role("row")).to_have_count(len(gaps) + 1)
    retired = next(gap for gap in gaps if gap["peer_id"] == "DL3005")
    expect(table.get_by_role("row", name=re.compile("DL3005"))).to_contain_text(retired["reason"])

    page.get_by_role("searchbox", name="Search").fill("DL3005")
    matches = page.get_by_role("list", name="Matching checks from other tools")
    expect(matches).to_contain_text(f"DL3005 has no rule of its own: {retired['reason']}")
    screenshot(page, "rules-peer-gap-search")

    covered = next(gap for gap in gaps if gap["covered_by"])
    page.get_by_role("searchbox", name="Search").fill(covered["peer_id"])
    matches.get_by_role("link", name=covered["covered_by"]).click()
    expect(page).to_have_url(re.compile(rf"/rules/{covered['covered_by']}$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_a_rule_page_shows_rationale_examples_fix_and_peers(page: Page) -> None:
    rule = next(r for r in page.request.get("/api/v1/rules").json() if r["equivalents"].get("hadolint"))
    page.goto("/rules")
    page.get_by_role("searchbox", name="Search").fill(rule["id"])
    page.get_by_role("list", name="Rules").get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(rf"/rules/{rule['id']}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(rule["title"].replace("`", ""))
    expect(page.get_by_role("region", name="Why it matters")).to_contain_text(rule["rationale"].replace("`", ""))
    bad = page.get_by_role("figure", name="Triggers the rule")
    expect(bad).to_contain_text(rule["bad"].splitlines()[0])
    # The examples are highlighted (the highlighter loads lazily, after the text paints).
    expect(bad.locator(".tok-keyword").first).to_be_visible()
    expect(page.get_by_role("figure", name="Passes")).to_contain_text(rule["good"].splitlines()[0])
    expect(page.get_by_role("link", name=rule["equivalents"]["hadolint"])).to_be_visible()
    screenshot(page, "rule-detail")


def test_an_unknown_rule_says_so(page: Page) -> None:
    page.goto("/rules/XX999")
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Not found")


def test_the_about_page_shows_service_info_and_readiness(page: Page) -> None:
    info = page.request.get("/api/v1/info").json()
    page.goto("/about")
    expect(page.get_by_text(info["version"], exact=True)).to_be_visible()
    expect(page.get_by_text(info["ruleset_version"], exact=True)).to_be_visible()
    expect(page.get_by_text("All systems ready")).to_be_visible()
    screenshot(page, "about")


def test_keyboard_users_can_reach_the_editor_and_see_focus(page: Page) -> None:
    open_editor(page)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Tab")
    focused_outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused_outline != "none", "the focused element must show a focus ring"
    # The editor does not trap Tab: it moves on to the next control.
    page.locator(".cm-content").focus()
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement?.classList.contains('cm-content')")


PHONE_PATHS = ["/", "/rules", "/about"]


@pytest.mark.parametrize("path", PHONE_PATHS)
def test_pages_fit_a_phone_without_horizontal_scrolling(phone_page: Page, path: str) -> None:
    phone_page.goto(path)
    phone_page.locator("main h1").first.wait_for()
    _assert_no_horizontal_scroll(phone_page)
    screenshot(phone_page, f"phone{path.replace('/', '-') if path != '/' else '-editor'}")


def test_an_analysis_and_a_rule_fit_a_phone(phone_page: Page) -> None:
    open_editor(phone_page)
    type_into_editor(phone_page, BAD_DOCKERFILE)
    expect(phone_page.locator(".finding").first).to_be_visible()
    _assert_no_horizontal_scroll(phone_page)
    screenshot(phone_page, "phone-editor-findings")
    phone_page.locator(".finding__rule").first.click()
    phone_page.get_by_role("figure", name="Passes").wait_for()
    _assert_no_horizontal_scroll(phone_page)
    screenshot(phone_page, "phone-rule-detail")


def _assert_no_horizontal_scroll(page: Page) -> None:
    widths = page.evaluate(
        "({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })"
    )
    assert widths["scroll"] <= widths["client"], f"page scrolls sideways: {widths}"
