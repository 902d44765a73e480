"""Rule titles and messages mark code with backticks (Markdown's inline code); HTML pages show it as <code>."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


def inline_code_html(text: str) -> SafeString:
    """``text`` escaped, with each `backticked` part in <code> (an unpaired backtick is kept as it is)."""
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an odd number of backticks: the last one opens nothing
        parts[-2:] = [parts[-2] + "`" + parts[-1]]
    return format_html_join(
        "", "{}", ((format_html("<code>{}</code>", part) if i % 2 else part,) for i, part in enumerate(parts))
    )
