"""Split instruction arguments into words and key=value pairs the way BuildKit does, keeping offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawWord:
    text: str  # as written, quotes included
    value: str  # quotes removed, escapes resolved
    start: int  # offsets in the arguments string, end exclusive
    end: int


def split_words(text: str, escape: str = "\\") -> list[RawWord]:
    """Whitespace-separated words; single and double quotes group, the escape character escapes."""
    words: list[RawWord] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i >= n:
            break
        start = i
        value: list[str] = []
        quote = ""
        while i < n:
            ch = text[i]
            if quote:
                if ch == quote:
                    quote = ""
                elif ch == escape and quote == '"' and i + 1 < n and text[i + 1] in ('"', escape):
                    i += 1
                    value.append(text[i])
                else:
                    value.append(ch)
            elif ch in " \t\r\n":
                break
            elif ch in ("'", '"'):
                quote = ch
            elif ch == escape and i + 1 < n:
                i += 1
                value.append(text[i])
            else:
                value.append(ch)
            i += 1
        words.append(RawWord(text[start:i], "".join(value), start, i))
    return words


@dataclass(frozen=True)
class RawPair:
    key: str
    value: str
    key_start: int
    key_end: int
    value_start: int
    value_end: int
    # `ENV key value` (no `=`): deprecated by BuildKit's LegacyKeyValueFormat check.
    legacy: bool
    # `ARG NAME` without a value.
    has_value: bool


def split_pairs(text: str, escape: str = "\\", allow_bare: bool = False) -> list[RawPair]:
    """Parse ``k=v k2="v 2"`` pairs (ENV, LABEL, ARG) or the legacy ``ENV key some value`` form."""
    words = split_words(text, escape)
    if not words:
        return []
    if "=" not in words[0].text and not allow_bare:
        # Legacy form: the first word is the key, everything after the first whitespace is the value.
        key = words[0]
        rest_start = key.end
        while rest_start < len(text) and text[rest_start] in " \t":
            rest_start += 1
        rest = text[rest_start:].rstrip()
        value = " ".join(w.value for w in words[1:]) if len(words) > 1 else ""
        if rest and not ('"' in rest or "'" in rest):
            value = rest
        return [RawPair(key.value, value, key.start, key.end, rest_start, rest_start + len(rest), True, True)]
    pairs: list[RawPair] = []
    for word in words:
        eq = word.text.find("=")
        if eq <= 0:
            pairs.append(RawPair(word.value, "", word.start, word.end, word.end, word.end, False, False))
            continue
        key_raw = word.text[:eq]
        key = split_words(key_raw, escape)[0].value if key_raw.strip() else key_raw
        value_raw = word.text[eq + 1 :]
        value_words = split_words(value_raw, escape)
        value = value_words[0].value if value_words else ""
        pairs.append(
            RawPair(key, value, word.start, word.start + eq, word.start + eq + 1, word.end, False, True)
        )
    return pairs
