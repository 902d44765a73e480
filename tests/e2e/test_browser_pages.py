"""The rule catalogue, a rule page and the about page in a real browser; every page at phone width."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.e2e_support import (
    BAD_DOCKERFILE,
    analyse_via_api,
    editor_document,
    open_editor,
    screenshot,
    type_into_editor,
    wait_for_findings,
)

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
    expect(bad.locator(".tok-keyword").first).to_be_visible()
    expect(page.get_by_role("figure", name="Passes")).to_contain_text(rule["good"].splitlines()[0])
    expect(page.get_by_role("link", name=rule["equivalents"]["hadolint"])).to_be_visible()
    screenshot(page, "rule-detail")


def test_an_unknown_rule_is_a_plain_not_found_page(page: Page) -> None:
    page.goto("/rules/XX999")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rule not found")
    expect(page.locator("main")).to_contain_text("XX999")
    expect(page.get_by_role("button", name="Try again")).to_have_count(0)
    expect(page).to_have_title("Rule not found · Dockwright")


@pytest.mark.parametrize(
    ("peer_id", "rule_id"),
    [("DL3008", "DF011"), ("JSONArgsRecommended", "DF008"), ("service-image-require-explicit-tag", "DC019")],
)
def test_a_peers_rule_id_opens_our_rule(page: Page, peer_id: str, rule_id: str) -> None:
    """hadolint's, BuildKit's and dclint's ids, as the API resolves them."""
    assert page.request.get(f"/api/v1/rules/{peer_id}").json()["id"] == rule_id
    page.goto(f"/rules/{peer_id}")
    expect(page).to_have_url(re.compile(rf"/rules/{rule_id}$"))
    expect(page.locator(".rule-card__id")).to_have_text(rule_id)


def test_a_rule_page_says_how_to_silence_it_and_opens_its_bad_example_in_the_editor(page: Page) -> None:
    rule = page.request.get("/api/v1/rules/DF008").json()
    page.goto("/rules/DF008")
    silencing = page.get_by_role("region", name="Silencing it")
    # The rule arrives after the page: wait for it before reading what is not auto-waited for.
    expect(silencing.locator("code").first).to_have_text("# dockwright ignore=DF008")
    comments = silencing.locator("code").all_text_contents()
    assert comments[0] == "# dockwright ignore=DF008", comments
    assert f"# hadolint ignore={rule['equivalents']['hadolint']}" in comments
    assert f"# check=skip={rule['equivalents']['buildkit']}" in comments

    page.get_by_role("link", name="Try the example in the editor").click()
    expect(page).to_have_url(re.compile(r"/$"))
    page.locator(".cm-content").wait_for()
    expect(page.locator(".finding__rule-id", has_text="DF008").first).to_be_visible()
    assert editor_document(page) == rule["bad"]


def test_rule_pages_link_the_peers_docs_dclint_and_shellcheck_included(page: Page) -> None:
    page.goto("/rules/DC019")
    expect(page.get_by_role("link", name="service-image-require-explicit-tag")).to_have_attribute(
        "href",
        "https://github.com/zavoloklom/docker-compose-linter/blob/main/docs/rules/service-image-require-explicit-tag-rule.md",
    )
    expect(page.get_by_role("region", name="Silencing it")).to_contain_text(
        "# dclint disable-next-line service-image-require-explicit-tag"
    )
    page.goto("/rules/DF100")
    link = page.get_by_role("link", name="every SC code")
    expect(link).to_have_attribute("href", "https://www.shellcheck.net/wiki/")


def test_a_shellcheck_finding_links_the_wiki_page_of_its_code(page: Page) -> None:
    content = "FROM alpine:3.22\nRUN echo $1\n"
    finding = next(f for f in analyse_via_api(page, content)["findings"] if f["rule"] == "DF100")
    assert finding["code"] == "SC2086" and finding["help_url"] == "https://www.shellcheck.net/wiki/SC2086"
    open_editor(page)
    type_into_editor(page, content)
    wait_for_findings(page)
    row = page.locator(".finding", has=page.locator(".finding__rule-id", has_text="DF100"))
    expect(row.get_by_role("link", name="SC2086 explained on the ShellCheck wiki")).to_have_attribute(
        "href", "https://www.shellcheck.net/wiki/SC2086"
    )


def test_the_end_of_life_rules_list_the_release_lines_they_know(page: Page) -> None:
    for rule_id in ("DF004", "DC034"):
        page.goto(f"/rules/{rule_id}")
        known = page.get_by_role("region", name="What this rule knows")
        known.get_by_role("searchbox", name="Filter the table").fill("python 3.8")
        expect(known.get_by_role("row").filter(has_text="python").first).to_contain_text("2024-10-07")


def test_a_rule_page_colours_its_examples_without_the_editor_and_wraps_long_lines(phone_page: Page) -> None:
    scripts: list[str] = []
    phone_page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    rule = next(r for r in phone_page.request.get("/api/v1/rules").json() if max(map(len, r["bad"].splitlines())) > 45)
    phone_page.goto(f"/rules/{rule['id']}")
    bad = phone_page.get_by_role("figure", name="Triggers the rule")
    expect(bad.locator(".tok-keyword, .tok-propertyName").first).to_be_visible()
    assert not [url for url in scripts if "codemirror" in url or "CodeEditor" in url], scripts
    overflow = bad.locator("pre").evaluate("(pre) => pre.scrollWidth - pre.clientWidth")
    assert overflow <= 0, f"the example of {rule['id']} is cut off by {overflow}px"
    _assert_no_horizontal_scroll(phone_page)


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
