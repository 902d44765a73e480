"""Editing in a real browser across analyses (issue #14): keys, undo, cursor, scroll and focus survive every
analysis and fix; the gutter, tooltips and example picker behave."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Request, expect

from tests.e2e.e2e_support import (
    BAD_DOCKERFILE,
    analyse_via_api,
    editor_document,
    open_editor,
)

pytestmark = pytest.mark.browser

PERMALINK = re.compile(r"/a/[A-Za-z0-9_-]{16,}$")
# Long enough that the end of the text is far below line 1 in the editor's viewport.
FILLER = "".join(f"# line {number} of a long comment block\n" for number in range(2, 62))


def _wait_for_analysis(page: Page, previous_url: str) -> str:
    """Waits until the page shows the analysis of its current text, and returns its permalink."""
    expect(page).not_to_have_url(previous_url)
    expect(page).to_have_url(PERMALINK)
    expect(page.locator(".findings__pending")).to_have_count(0)
    return page.url


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
    url = _wait_for_analysis(page, page.url)

    # Enter starts a new undo step in CodeMirror, so each burst starts with one: one burst, one step.
    page.keyboard.type("RUN apk add curl")
    url = _wait_for_analysis(page, url)
    scrolled = page.evaluate("document.querySelector('.cm-scroller').scrollTop")
    assert scrolled > 0, "the end of a 62-line text should be scrolled into view"

    # The analysis that just arrived changed the URL of a page already at /a/<id>: the editor is the same
    # element, still focused, still scrolled to the cursor, and the next keys land in it.
    assert _focus_is_in_editor(page)
    page.keyboard.type("\nUSER nobody")
    url = _wait_for_analysis(page, url)
    page.keyboard.type('\nCMD ["sh"]')
    _wait_for_analysis(page, url)

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
    url = _wait_for_analysis(page, page.url)
    page.keyboard.press("Control+Home")
    page.keyboard.press("ArrowDown")

    name = re.compile(rf"^Line {fixable['line']}, column {fixable['column']}: ")
    item = page.locator(".finding").filter(has=page.get_by_role("button", name=name)).first
    item.get_by_role("button", name=re.compile("Apply fix")).click()
    assert _focus_is_in_editor(page), "after Apply fix the keyboard is still in the editor"
    fixed = editor_document(page)
    assert fixed != BAD_DOCKERFILE
    url = _wait_for_analysis(page, url)
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
    _wait_for_analysis(page, page.url)
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
    _wait_for_analysis(page, page.url)
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
    expect(page).to_have_url(PERMALINK)
    assert editor_document(page) != ""
    assert posted, f"loading {chosen!r} should analyse it"
