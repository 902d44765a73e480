"""Editing in a real browser across analyses (issue #14): keys, undo, cursor, scroll and focus survive every
analysis and fix; the gutter, tooltips, example picker and findings panel behave."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, Request, expect

from tests.e2e.e2e_support import (
    BAD_DOCKERFILE,
    analyse_via_api,
    editor_document,
    open_editor,
    paste_into_editor,
    screenshot,
    wait_for_findings,
)

pytestmark = pytest.mark.browser

# Long enough that the end of the text is far below line 1 in the editor's viewport.
FILLER = "".join(f"# line {number} of a long comment block\n" for number in range(2, 62))
EOL_PYTHON = "FROM python:3.8-slim AS build\nUSER app\n"


def _cursor_line(page: Page) -> int:
    line = page.evaluate(
        """() => {
            const view = document.querySelector('.cm-content').cmTile.root.view
            return view.state.doc.lineAt(view.state.selection.main.head).number
        }"""
    )
    assert isinstance(line, int)
    return line


def _focus_is_in_editor(page: Page) -> bool:
    return bool(page.evaluate("!!document.activeElement?.closest('.cm-editor')"))


def test_typing_across_analyses_keeps_every_key_the_undo_history_the_view_and_the_cursor(page: Page) -> None:
    open_editor(page)
    editor = page.locator(".cm-editor")
    page.locator(".cm-content").click()
    first = "FROM alpine:3.21\n" + FILLER
    page.keyboard.insert_text(first)
    wait_for_findings(page)

    # Enter starts a new undo step in CodeMirror, so each burst starts with one: one burst, one step.
    page.keyboard.type("RUN apk add curl")
    wait_for_findings(page)
    scrolled = page.evaluate("document.querySelector('.cm-scroller').scrollTop")
    assert scrolled > 0, "the end of a 62-line text should be scrolled into view"

    # The analysis that just arrived left the editor alone: the same element, still focused, still scrolled
    # to the cursor, and the next keys land in it. Nothing was stored: the URL is still the editor's.
    expect(page).to_have_url(re.compile(r"/$"))
    assert _focus_is_in_editor(page)
    page.keyboard.type("\nUSER nobody")
    wait_for_findings(page)
    page.keyboard.type('\nCMD ["sh"]')
    wait_for_findings(page)

    expected = first + 'RUN apk add curl\nUSER nobody\nCMD ["sh"]'
    assert editor_document(page) == expected
    assert editor.count() == 1
    assert page.evaluate("document.querySelector('.cm-scroller').scrollTop") >= scrolled
    lines = expected.count("\n") + 1
    expect(page.get_by_test_id("cursor-position")).to_have_text(f"Ln {lines}, Col 11")
    expect(page.locator(".cm-activeLine")).to_have_text('CMD ["sh"]')

    # Undo goes back one burst of typing at a time, through every analysis.
    for undone in (first + "RUN apk add curl\nUSER nobody", first + "RUN apk add curl", first, ""):
        page.keyboard.press("Control+z")
        assert editor_document(page) == undone
    expect(page.get_by_test_id("cursor-position")).to_have_text("Ln 1, Col 1")


def test_applying_a_fix_keeps_focus_in_the_editor_and_is_one_undo_step(page: Page) -> None:
    expected = analyse_via_api(page, BAD_DOCKERFILE)["findings"]
    fixable = next(f for f in expected if f.get("fix") and f["fix"]["edits"])
    open_editor(page)
    page.locator(".cm-content").click()
    page.keyboard.insert_text(BAD_DOCKERFILE)
    wait_for_findings(page)
    page.keyboard.press("Control+Home")
    page.keyboard.press("ArrowDown")

    name = re.compile(rf"^Line {fixable['line']}, column {fixable['column']}: ")
    item = page.locator(".finding").filter(has=page.get_by_role("button", name=name)).first
    item.get_by_role("button", name=re.compile("Apply fix")).click()
    assert _focus_is_in_editor(page), "after Apply fix the keyboard is still in the editor"
    fixed = editor_document(page)
    assert fixed != BAD_DOCKERFILE
    wait_for_findings(page)
    assert _focus_is_in_editor(page), "the analysis of the fixed text leaves focus where it was"
    assert editor_document(page) == fixed
    expect(page.get_by_test_id("cursor-position")).to_have_text(re.compile(rf"^Ln {_cursor_line(page)}, "))

    page.keyboard.press("Control+z")
    assert editor_document(page) == BAD_DOCKERFILE
    page.keyboard.press("Control+y")
    assert editor_document(page) == fixed


def test_style_findings_have_a_visible_gutter_marker(page: Page) -> None:
    content = "FROM alpine:3.22 AS base\nFROM base as final\nUSER 1000\n"
    findings = analyse_via_api(page, content)["findings"]
    assert [f["severity"] for f in findings] == ["style"], findings
    open_editor(page)
    page.locator(".cm-content").click()
    page.keyboard.insert_text(content)
    wait_for_findings(page)
    marker = page.locator(".cm-gutter-lint .cm-lint-marker-hint")
    expect(marker).to_be_visible()
    box = marker.bounding_box()
    assert box is not None and box["width"] >= 8 and box["height"] >= 8
    # Something is painted: the other severities use an image as `content`, style notes a ring.
    drawn = marker.evaluate(
        """(el) => {
            const style = getComputedStyle(el)
            return (style.content !== 'normal' && style.content !== 'none')
                || (parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none')
                || style.backgroundColor !== 'rgba(0, 0, 0, 0)'
        }"""
    )
    assert drawn, "the style marker has a box but nothing in it"


def test_a_tooltip_opened_with_f8_closes_when_focus_leaves_the_editor(page: Page) -> None:
    open_editor(page)
    page.locator(".cm-content").click()
    page.keyboard.insert_text(BAD_DOCKERFILE)
    wait_for_findings(page)
    page.keyboard.press("Control+Home")
    page.keyboard.press("F8")
    tooltip = page.locator(".cm-tooltip-lint")
    expect(tooltip).to_be_visible()
    # Tab may first visit the tooltip's own link and button (that is how a keyboard reaches them).
    for _ in range(6):
        page.keyboard.press("Tab")
        if not _focus_is_in_editor(page):
            break
    assert not _focus_is_in_editor(page)
    expect(tooltip).to_have_count(0)


def test_arrow_keys_on_the_example_list_load_nothing_until_the_button_is_pressed(page: Page) -> None:
    open_editor(page)
    posted: list[Request] = []
    page.on("request", lambda request: posted.append(request) if request.method == "POST" else None)
    examples = page.get_by_role("combobox", name="Example")
    examples.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    chosen = examples.evaluate("(select) => select.selectedOptions[0].textContent")
    page.wait_for_timeout(700)
    assert editor_document(page) == ""
    assert posted == []

    page.get_by_role("button", name="Load example").click()
    wait_for_findings(page)
    assert editor_document(page) != ""
    assert posted, f"loading {chosen!r} should analyse it"


def test_findings_say_why_and_how_to_fix_and_render_links_and_code(page: Page) -> None:
    rules_requests: list[str] = []
    page.on("request", lambda request: rules_requests.append(request.url) if "/api/v1/rules" in request.url else None)
    rules = {rule["id"]: rule for rule in page.request.get("/api/v1/rules").json()}
    findings = analyse_via_api(page, EOL_PYTHON)["findings"]
    eol = next(f for f in findings if f["rule"] == "DF004")
    url_in_message = re.search(r"https?://\S+?(?=\)?$)", eol["message"])
    assert url_in_message, eol["message"]

    open_editor(page)
    page.locator(".cm-content").click()
    page.keyboard.insert_text(EOL_PYTHON)
    wait_for_findings(page)

    row = page.locator(".finding", has=page.locator(".finding__rule-id", has_text="DF004"))
    message = row.locator(".finding__message")
    link = message.get_by_role("link")
    expect(link).to_have_attribute("href", url_in_message.group(0))
    expect(link).not_to_contain_text(")")
    expect(message).not_to_contain_text("`")
    expect(message).not_to_contain_text("https://")
    expect(message.locator("code").first).to_have_text("python:3.8-slim")

    why = row.locator(".finding__why")
    summary = why.locator("summary")
    expect(summary).to_contain_text(rules["DF004"]["rationale"].replace("`", "")[:40])
    one_line = summary.bounding_box()
    summary.click()
    expect(why).to_have_attribute("open", "")
    opened = summary.bounding_box()
    assert one_line is not None and opened is not None and opened["height"] > one_line["height"]
    expect(row.locator(".finding__how")).to_have_text(f"Fix: {rules['DF004']['fix_title'].replace('`', '')}")
    screenshot(page, "editor-finding-notes")

    page.locator(".cm-content").click()
    page.keyboard.press("Control+End")
    page.keyboard.type('CMD ["python"]\n')
    wait_for_findings(page)
    assert len(rules_requests) == 1, "the rules are fetched once per page load"


def test_long_quoted_tokens_are_shortened_with_the_whole_token_on_hover(page: Page) -> None:
    image = "registry.example.com/" + "very-long-team-name/" * 4 + "service:latest"
    content = f"FROM {image}\nUSER 1000\n"
    open_editor(page)
    page.locator(".cm-content").click()
    page.keyboard.insert_text(content)
    wait_for_findings(page)
    shortened = page.locator(".finding__message code", has_text="…").first
    expect(shortened).to_be_visible()
    text = shortened.text_content() or ""
    assert len(text) <= 57
    title = shortened.get_attribute("title") or ""
    assert title.startswith(text.split("…")[0]) and title.endswith(text.split("…")[1])


def test_the_severity_filter_hides_style_notes_and_remembers_the_choice(page: Page) -> None:
    content = "FROM alpine:3.21 as build\nUSER app\nRUN apk add curl\n"
    findings = analyse_via_api(page, content)["findings"]
    style = [f for f in findings if f["severity"] == "style"]
    assert style and len(style) < len(findings), findings
    open_editor(page)
    page.locator(".cm-content").click()
    page.keyboard.insert_text(content)
    wait_for_findings(page)
    expect(page.locator(".finding")).to_have_count(len(findings))

    toggle = page.get_by_role("button", name=re.compile(r"^Style notes"))
    expect(toggle).to_have_attribute("aria-pressed", "true")
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".finding--style")).to_have_count(0)
    expect(page.locator(".finding")).to_have_count(len(findings) - len(style))
    expect(page.locator(".findings__status")).to_contain_text(f"{len(style)} hidden")

    # Shared, the analysis reloads from its link with the filter as it was left.
    page.get_by_role("button", name="Share").click()
    expect(page).to_have_url(re.compile(r"/a/[A-Za-z0-9_-]{16,}$"))
    page.reload()
    expect(page.locator(".finding").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Style notes"))).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".finding")).to_have_count(len(findings) - len(style))
    stored = page.evaluate("localStorage.getItem('dockwright.findings.hiddenSeverities')")
    assert json.loads(stored) == ["style"]


def test_thousands_of_findings_are_listed_by_drawing_only_those_in_view(page: Page) -> None:
    block = "run apt-get install curl\nRUN cd /tmp && wget http://example.com/x.tar.gz\nWORKDIR app\nEXPOSE 80000\n"
    content = "FROM python:latest\n" + block * 700
    findings = analyse_via_api(page, content)["findings"]
    assert len(findings) > 1000
    # The last row of the list: style notes come last, each group in reading order.
    last = max(findings, key=lambda f: (f["severity"] == "style", f["line"], f["column"], f["rule"]))
    open_editor(page)
    # A paste, as people bring big files: typing 60 KB through the keyboard is a minute of the browser's time.
    paste_into_editor(page, content)
    wait_for_findings(page)
    expect(page.locator(".findings__count")).to_have_text(f"{len(findings)} findings")
    drawn = page.locator(".finding").count()
    assert 0 < drawn < 100, f"{drawn} rows drawn for {len(findings)} findings"

    # As a person drags the scroll bar to the end: rows drawn on the way are measured, and the end moves a
    # little, until the last row is in view.
    button = page.get_by_role("button", name=re.compile(rf"^Line {last['line']}, column {last['column']}: "))
    for _ in range(5):
        page.locator(".findings__list").evaluate("(list) => { list.scrollTop = list.scrollHeight }")
        page.wait_for_timeout(200)
        if button.count():
            break
    button.last.click()
    expect(page.get_by_test_id("cursor-position")).to_have_text(f"Ln {last['line']}, Col {last['column']}")
