"""Sort keys that imitate JavaScript's ``localeCompare``, which dclint's ordering rules use.

ICU's root collation, approximately: punctuation before digits before letters, letters compared
without case first (``a < B < c``) and lower case first on a tie; the numeric variant compares runs
of digits by value (``8080 > 443``).
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")


def _char_class(char: str) -> tuple[int, str]:
    if char.isalpha():
        return (3, char.lower())
    if char.isdigit():
        return (2, char)
    return (1, char)


def locale_key(text: str) -> tuple[tuple[tuple[int, str], ...], tuple[bool, ...]]:
    primary = tuple(_char_class(char) for char in text)
    tertiary = tuple(char.isupper() for char in text)
    return primary, tertiary


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """``localeCompare(..., {numeric: true})``: digit runs compare as numbers."""
    parts = []
    for part in _DIGITS.split(text):
        if not part:
            continue
        if part.isdigit():
            # Compared as numbers without converting (a run of thousands of digits would not convert): fewer
            # significant digits first, then digit by digit.
            significant = part.lstrip("0") or "0"
            parts.append((2, len(significant), significant))
        else:
            parts.extend((_char_class(char)[0], 0, char.lower()) for char in part)
    return tuple(parts)
