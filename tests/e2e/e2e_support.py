"""Helpers shared by the browser tests: typing into CodeMirror, reading its marks, saving screenshots."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"

BAD_DOCKERFILE = """FROM python:latest
RUN apt-get update
RUN apt-get install -y curl
ADD https://example.com/app.tar.gz /opt/
WORKDIR app
CMD python app.py
"""


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot in test-results/screenshots/<name>.png (kept as a CI artifact)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def open_editor(page: Page, path: str = "/") -> None:
    page.goto(path)
    page.locator(".cm-content").wait_for()


def type_into_editor(page: Page, text: str) -> None:
    """Types text as one input, like a paste from the keyboard's point of view."""
    page.locator(".cm-content").click()
    page.keyboard.insert_text(text)


def paste_into_editor(page: Page, text: str) -> None:
    """Fires a real paste event with the text on its clipboard data, as Ctrl+V does."""
    page.locator(".cm-content").click()
    page.evaluate(
        """(text) => {
            const data = new DataTransfer()
            data.setData('text/plain', text)
            const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
            document.querySelector('.cm-content').dispatchEvent(event)
        }""",
        text,
    )


def editor_text(page: Page) -> str:
    """The editor's document, line by line from the rendered lines (CodeMirror renders them all when short)."""
    lines = page.locator(".cm-content .cm-line").all_text_contents()
    return "\n".join(line.replace("\u200b", "") for line in lines)


def lint_marks(page: Page) -> list[dict[str, Any]]:
    """Every underline CodeMirror drew: its 1-based line, severity class and text."""
    marks = page.evaluate(
        """() => {
            const lines = [...document.querySelectorAll('.cm-content .cm-line')]
            return [...document.querySelectorAll('.cm-content [class*="cm-lintRange-"]')].map((el) => {
                const severity = [...el.classList].find(
                    (c) => c.startsWith('cm-lintRange-') && c !== 'cm-lintRange-active'
                )
                return { line: lines.indexOf(el.closest('.cm-line')) + 1, severity, text: el.textContent }
            })
        }"""
    )
    assert isinstance(marks, list)
    return marks


def analyse_via_api(page: Page, content: str) -> dict[str, Any]:
    """What the API itself says about a text: the reference the UI is checked against."""
    response = page.request.post(
        "/api/v1/analyses", data=json.dumps({"content": content}), headers={"Content-Type": "application/json"}
    )
    body = response.json()
    assert isinstance(body, dict)
    body["_status"] = response.status
    return body
