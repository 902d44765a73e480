"""The editor page in a real browser: live analysis, underlines, findings, fixes, permalinks, files."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import FilePayload, Locator, Page, expect

from tests.e2e.e2e_support import (
    BAD_DOCKERFILE,
    analyse_via_api,
    editor_text,
    expire_shared_analysis,
    lint_marks,
    open_editor,
    paste_into_editor,
    screenshot,
    type_into_editor,
    wait_for_findings,
)

pytestmark = pytest.mark.browser

PERMALINK = re.compile(r"/a/[A-Za-z0-9_-]{16,}$")
LINT_CLASS = {
    "error": "cm-lintRange-error",
    "warning": "cm-lintRange-warning",
    "info": "cm-lintRange-info",
    "style": "cm-lintRange-hint",
}
# The classes of a severity and of those above it.
_ORDER = ["error", "warning", "info", "style"]
_AS_SEVERE_CLASSES = {name: {LINT_CLASS[s] for s in _ORDER[: _ORDER.index(name) + 1]} for name in _ORDER}


def _finding_button(page: Page, finding: dict[str, object]) -> Locator:
    """The panel's button for a finding, by its accessible name (the message as read: without backticks)."""
    name = f"Line {finding['line']}, column {finding['column']}: {_plain(str(finding['message']))}. Show in editor"
    return page.get_by_role("button", name=name, exact=True)


def _plain(text: str) -> str:
    """Text as displayed: backticked parts become inline code, without the backticks."""
    return text.replace("`", "")


def _analysed(page: Page, text: str) -> None:
    type_into_editor(page, text)
    wait_for_findings(page)
    expect(page.locator(".finding").first).to_be_visible()


def test_a_bad_dockerfile_is_underlined_and_listed_at_the_right_lines(page: Page) -> None:
    expected = analyse_via_api(page, BAD_DOCKERFILE)["findings"]
    assert expected, "the engine should find problems in BAD_DOCKERFILE"
    # The findings list draws only the rows in view: a tall window shows them all.
    page.set_viewport_size({"width": 1280, "height": 2400})
    open_editor(page)
    _analysed(page, BAD_DOCKERFILE)
    expect(page.locator(".finding")).to_have_count(len(expected))

    lines = BAD_DOCKERFILE.splitlines()
    marks = lint_marks(page)
    for finding in expected:
        expect(_finding_button(page, finding).first).to_be_visible()
        if finding["line"] == finding["end_line"] and finding["end_column"] > finding["column"]:
            wanted = lines[finding["line"] - 1][finding["column"] - 1 : finding["end_column"] - 1]
            # Where findings overlap, the editor draws the range in the most severe one's colour.
            as_severe = _AS_SEVERE_CLASSES[finding["severity"]]
            drawn = "".join(
                mark["text"] for mark in marks if mark["line"] == finding["line"] and mark["severity"] in as_severe
            )
            assert wanted in drawn, f"{finding['rule']}: expected {wanted!r} underlined on line {finding['line']}"

    severities = {finding["severity"] for finding in expected}
    for severity in severities:
        marker = "hint" if severity == "style" else severity
        expect(page.locator(f".cm-gutter-lint .cm-lint-marker-{marker}").first).to_be_visible()
    screenshot(page, "editor-findings")


def test_hovering_an_underline_explains_it_and_links_to_the_rule(page: Page) -> None:
    open_editor(page)
    _analysed(page, BAD_DOCKERFILE)
    latest = analyse_via_api(page, BAD_DOCKERFILE)["findings"]
    # The finding whose range is exactly `python:latest` (line 1, columns 6 to 19).
    tag_finding = next(f for f in latest if (f["line"], f["column"], f["end_column"]) == (1, 6, 19))
    page.locator(".cm-content [class*='cm-lintRange-']", has_text="python:latest").first.hover()
    tooltip = page.locator(".cm-tooltip-lint")
    expect(tooltip).to_contain_text(_plain(tag_finding["message"]))
    rule_link = tooltip.locator(".finding-tooltip__rule").first
    expect(rule_link).to_have_attribute("href", f"/rules/{tag_finding['rule']}")
    screenshot(page, "editor-hover")
    rule_link.click()
    expect(page).to_have_url(re.compile(rf"/rules/{tag_finding['rule']}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(_plain(tag_finding["rule_title"]))


def test_clicking_a_finding_moves_the_cursor_to_it(page: Page) -> None:
    expected = analyse_via_api(page, BAD_DOCKERFILE)["findings"]
    last = max(expected, key=lambda f: (f["line"], f["column"]))
    line, column = last["line"], last["column"]
    open_editor(page)
    _analysed(page, BAD_DOCKERFILE)
    _finding_button(page, last).first.click()
    expect(page.get_by_test_id("cursor-position")).to_have_text(f"Ln {line}, Col {column}")
    assert page.evaluate("document.activeElement?.classList.contains('cm-content')")
    expect(page.locator(".cm-activeLine")).to_have_text(BAD_DOCKERFILE.splitlines()[line - 1])


def test_applying_a_fix_edits_the_text_and_reanalyses(page: Page) -> None:
    expected = analyse_via_api(page, BAD_DOCKERFILE)["findings"]
    fixable = [f for f in expected if f.get("fix") and f["fix"]["edits"]]
    if not fixable:
        pytest.fail("the engine offers no fix with edits for BAD_DOCKERFILE; pick a snippet that has one")
    open_editor(page)
    _analysed(page, BAD_DOCKERFILE)
    target = fixable[0]
    item = page.locator(".finding").filter(has=_finding_button(page, target)).first
    item.get_by_role("button", name=re.compile("Apply fix")).click()
    wait_for_findings(page)
    expect(page.locator(".finding")).not_to_have_count(len(expected))
    assert editor_text(page) != BAD_DOCKERFILE
    for edit in target["fix"]["edits"]:
        assert edit["replacement"] in editor_text(page)


def test_typing_stores_nothing_and_share_gives_a_link_anyone_can_read(page: Page) -> None:
    stored: list[str] = []
    page.on("request", lambda r: stored.append(r.url) if r.method == "POST" and "/api/v1/analyses" in r.url else None)
    open_editor(page)
    _analysed(page, BAD_DOCKERFILE)
    type_into_editor(page, "USER app\n")
    wait_for_findings(page)
    assert stored == [], "typing and analysing must store nothing"
    expect(page).to_have_url(re.compile(r"/$"))

    page.get_by_role("button", name="Share").click()
    expect(page).to_have_url(PERMALINK)
    assert len(stored) == 1
    panel = page.get_by_role("region", name="Shared link")
    expect(panel).to_contain_text("Anyone with this link can read this file.")
    expect(panel).to_contain_text("The link stops working on")
    expect(panel.get_by_role("textbox", name="Link to this analysis")).to_have_value(page.url)
    # Anonymous analyses are not anyone's to delete.
    expect(panel.get_by_role("button", name="Delete")).to_have_count(0)
    screenshot(page, "editor-shared")

    # Editing away from what the link stores leaves the link: the URL is the editor's again.
    type_into_editor(page, "EXPOSE 8080\n")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(panel).to_have_count(0)
    expect(page.get_by_role("button", name="Share")).to_be_visible()


def test_a_permalink_reloads_with_the_same_content_and_findings(page: Page) -> None:
    open_editor(page)
    _analysed(page, BAD_DOCKERFILE)
    page.get_by_role("button", name="Share").click()
    expect(page).to_have_url(PERMALINK)
    permalink = page.url
    findings_before = page.locator(".finding").all_inner_texts()
    page.reload()
    expect(page.locator(".finding")).to_have_count(len(findings_before))
    assert page.url == permalink
    assert page.locator(".finding").all_inner_texts() == findings_before
    expect(page.locator(".cm-content")).to_contain_text(BAD_DOCKERFILE.splitlines()[0])
    assert editor_text(page) == BAD_DOCKERFILE
    assert page.locator(".cm-content [class*='cm-lintRange-']").count() > 0
    page.get_by_role("button", name="Copy link").click()
    expect(page.get_by_role("button", name="Link copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == permalink


def test_an_unknown_permalink_says_so(page: Page) -> None:
    page.goto("/a/thisIdDoesNotExist0000")
    expect(page.get_by_role("heading", level=1)).to_have_text("This analysis link does not work")
    expect(page.get_by_role("button", name="Try again")).to_have_count(0)


def test_an_expired_or_deleted_link_says_it_is_gone(page: Page, manage_py: Callable[..., Any]) -> None:
    body = json.dumps({"content": "FROM alpine:3.22\n"})
    shared = page.request.post("/api/v1/analyses", data=body, headers={"Content-Type": "application/json"}).json()
    expire_shared_analysis(manage_py, shared["id"])
    assert page.request.get(f"/api/v1/analyses/{shared['id']}").status == 410
    page.goto(shared["url"])
    expect(page.get_by_role("heading", level=1)).to_have_text("This analysis is no longer available")
    expect(page.locator("main")).to_contain_text(f"Analysis {shared['id']} expired on")
    expect(page.get_by_role("button", name="Try again")).to_have_count(0)
    expect(page).to_have_title("Analysis no longer available · Dockwright")
    screenshot(page, "editor-gone")


def test_an_uploaded_compose_file_is_detected_and_analysed(page: Page) -> None:
    compose = "services:\n  web:\n    image: nginx:latest\n    privileged: true\n"
    open_editor(page)
    upload: FilePayload = {"name": "docker-compose.yml", "mimeType": "text/yaml", "buffer": compose.encode()}
    page.get_by_test_id("file-input").set_input_files(files=[upload])
    wait_for_findings(page)
    expect(page.get_by_role("radio", name="Compose")).to_be_checked()
    expect(page.get_by_text("detected from file name")).to_be_visible()
    expect(page.locator(".editor-status")).to_contain_text("docker-compose.yml")
    expected = analyse_via_api(page, compose)["findings"]
    expect(page.locator(".finding")).to_have_count(len(expected))
    assert editor_text(page) == compose
    screenshot(page, "editor-compose-upload")


def test_a_dropped_file_replaces_the_text(page: Page) -> None:
    open_editor(page)
    type_into_editor(page, "FROM busybox\n")
    dropped = "FROM alpine:latest\nRUN apk add curl\n"
    page.evaluate(
        """(text) => {
            const data = new DataTransfer()
            data.items.add(new File([text], 'api.Dockerfile', { type: 'text/plain' }))
            const target = document.querySelector('.cm-content')
            for (const type of ['dragenter', 'dragover', 'drop']) {
                target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }))
            }
        }""",
        dropped,
    )
    expect(page.locator(".editor-status")).to_contain_text("api.Dockerfile")
    expect(page.locator(".cm-content")).to_contain_text("apk add curl")
    assert editor_text(page) == dropped
    expect(page.get_by_text("detected from file name")).to_be_visible()
    expected = analyse_via_api(page, dropped)["findings"]
    expect(page.locator(".finding")).to_have_count(len(expected))


def test_an_oversized_paste_shows_the_servers_413_message(page: Page) -> None:
    huge = "FROM alpine:3.20\n" + "RUN echo " + "x" * 80 + "\n" * 1
    huge = huge + ("# " + "y" * 98 + "\n") * 3000  # about 300 KB, over the 256 KiB default limit
    reference = analyse_via_api(page, huge)
    assert reference["_status"] == 413
    open_editor(page)
    paste_into_editor(page, huge)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("This file is too large")
    expect(alert).to_contain_text(reference["message"])
    screenshot(page, "editor-413")


def test_the_editor_follows_dark_mode(dark_page: Page) -> None:
    open_editor(dark_page)
    _analysed(dark_page, BAD_DOCKERFILE)
    background = dark_page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(part) for part in re.findall(r"\d+", background)[:3])
    assert red + green + blue < 150, f"dark mode background should be dark, got {background}"
    screenshot(dark_page, "editor-dark")
