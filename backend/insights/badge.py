"""A status badge as SVG, in the flat style READMEs show beside CI badges: "dockwright" and the findings of the
latest scan by severity (`2 errors`, `5 warnings`), or `no findings`, or `no scan`. Always in English: a README is
read by anyone. Widths come from the average advance of Verdana at 11px, the font badges name first."""

from __future__ import annotations

from collections.abc import Mapping
from xml.sax.saxutils import escape

LABEL = "dockwright"
LABEL_COLOUR = "#555"
# Dark enough for white text (WCAG AA at 11px bold-ish): the severity colours of the app, darkened.
COLOURS = {"error": "#c0392b", "warning": "#a35200", "info": "#1f5fa8", "style": "#5b6573"}
CLEAN_COLOUR = "#2e7d32"
NONE_COLOUR = "#6b6b6b"
PLURALS = {"error": "errors", "warning": "warnings", "info": "info", "style": "style"}
HEIGHT = 20
PADDING = 6
# Verdana 11px: digits and most lower-case letters are about 7px wide, narrow ones less.
_NARROW = {"i": 3.1, "l": 3.1, "f": 3.9, "r": 4.7, "t": 4.3, "j": 3.5, " ": 3.9}
_WIDE = {"m": 10.7, "w": 9.0}


def text_width(text: str) -> int:
    return round(sum(_NARROW.get(char, _WIDE.get(char, 6.9)) for char in text))


def badge_segments(counts: Mapping[str, int] | None) -> list[tuple[str, str]]:
    """(text, colour) of each part after the label."""
    if counts is None:
        return [("no scan", NONE_COLOUR)]
    parts = []
    for severity, colour in COLOURS.items():
        count = int(counts.get(severity, 0) or 0)
        if count:
            word = severity if count == 1 else PLURALS[severity]
            parts.append((f"{count} {word}", colour))
    return parts or [("no findings", CLEAN_COLOUR)]


def badge_svg(counts: Mapping[str, int] | None) -> str:
    """The badge of a scan's ``counts`` by severity; None when the project has no finished scan."""
    segments = [(LABEL, LABEL_COLOUR), *badge_segments(counts)]
    label = f"{LABEL}: " + ", ".join(text for text, _ in segments[1:])
    boxes, texts, x = [], [], 0
    for text, colour in segments:
        width = text_width(text) + 2 * PADDING
        centre = x + width / 2
        boxes.append(f'<rect x="{x}" width="{width}" height="{HEIGHT}" fill="{colour}"/>')
        texts.append(f'<text x="{centre:g}" y="15" fill="#010101" fill-opacity=".3">{escape(text)}</text>')
        texts.append(f'<text x="{centre:g}" y="14">{escape(text)}</text>')
        x += width
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{x}" height="{HEIGHT}" role="img" '
        f'aria-label="{escape(label, {chr(34): "&quot;"})}"><title>{escape(label)}</title>'
        '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/>'
        '<stop offset="1" stop-opacity=".1"/></linearGradient>'
        f'<clipPath id="r"><rect width="{x}" height="{HEIGHT}" rx="3" fill="#fff"/></clipPath>'
        f'<g clip-path="url(#r)">{"".join(boxes)}<rect width="{x}" height="{HEIGHT}" fill="url(#s)"/></g>'
        '<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" '
        f'font-size="11">{"".join(texts)}</g></svg>'
    )
