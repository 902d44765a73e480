"""Split instruction arguments into words, flags and key=value pairs the way BuildKit does, keeping offsets.

Each splitter mirrors one function of BuildKit's ``frontend/dockerfile/parser``: ``split_words`` is
``parseWords`` (ARG, ENV, LABEL), ``split_flags`` is ``extractBuilderFlags`` and ``heredoc_words`` is the
shell lexer run by ``heredocsFromLine``. Offsets index the string given, end exclusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SIMPLE_WORD = re.compile(r"\S+")
# Go's unicode.IsSpace, which BuildKit uses to trim lines: Python's str.strip() would also remove the
# ASCII separators \x1c-\x1f.
GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000"
# BuildKit reads flags byte by byte, so only ASCII whitespace separates them.
_ASCII_SPACE = frozenset(" \t\n\v\f\r")
# BuildKit's reWhitespace: what separates the keyword from its arguments and the words of FROM/COPY.
BUILDKIT_WHITESPACE = re.compile(r"[\t\v\f\r ]+")


@dataclass(frozen=True)
class RawWord:
    text: str  # as written, quotes included
    value: str  # quotes removed, escapes resolved
    start: int  # offsets in the arguments string, end exclusive
    end: int


def split_words(text: str, escape: str = "\\") -> list[RawWord]:
    """Whitespace-separated words; single and double quotes group, the escape character escapes."""
    if "'" not in text and '"' not in text and escape not in text:
        # The common case, and hot: no quoting at all.
        return [RawWord(m.group(), m.group(), m.start(), m.end()) for m in _SIMPLE_WORD.finditer(text)]
    words: list[RawWord] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
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
            elif ch.isspace():
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


def unquote(text: str, escape: str = "\\") -> str:
    """``text`` read as one shell word, whitespace kept: quotes removed, escapes resolved.

    This is what BuildKit's word processing does to an ENV or LABEL value (variables aside).
    """
    if "'" not in text and '"' not in text and escape not in text:
        return text
    out: list[str] = []
    i, n = 0, len(text)
    quote = ""
    while i < n:
        ch = text[i]
        if quote == "'":
            if ch == "'":
                quote = ""
            else:
                out.append(ch)
        elif quote == '"':
            if ch == '"':
                quote = ""
            elif ch == escape and i + 1 < n and text[i + 1] in ('"', "$", escape):
                i += 1
                out.append(text[i])
            else:
                out.append(ch)
        elif ch in ("'", '"'):
            quote = ch
        elif ch == escape:
            if i + 1 < n:
                i += 1
                out.append(text[i])
        else:
            out.append(ch)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class RawFlag:
    text: str  # as written, e.g. `--chown="app user"`
    word: str  # as BuildKit reads it: quotes removed, backslash escapes resolved (`--chown=app user`)
    start: int
    end: int
    # Offset of the first character after `=`, or -1 when the flag has no `=`.
    value_start: int


def split_flags(text: str) -> tuple[list[RawFlag], int]:
    """The leading ``--name[=value]`` words of ``text`` and the offset where the arguments begin.

    Like BuildKit's extractBuilderFlags: a flag word starts with ``--``; quotes group and are removed;
    backslash (always backslash, whatever the escape directive) escapes; a bare ``--`` ends the flags
    and is consumed.
    """
    flags: list[RawFlag] = []
    i, n = 0, len(text)
    while True:
        while i < n and text[i] in _ASCII_SPACE:
            i += 1
        if not text.startswith("--", i):
            return flags, i
        start = i
        word: list[str] = []
        quote = ""
        value_start = -1
        while i < n:
            ch = text[i]
            if quote:
                if ch == quote:
                    quote = ""
                    i += 1
                    continue
            elif ch in _ASCII_SPACE:
                break
            elif ch in ("'", '"'):
                quote = ch
                i += 1
                continue
            if ch == "\\":
                if i + 1 == n:
                    i += 1
                    continue
                i += 1
                ch = text[i]
            elif ch == "=" and value_start < 0 and not quote:
                value_start = i + 1
            word.append(ch)
            i += 1
        joined = "".join(word)
        if joined == "--":
            while i < n and text[i] in _ASCII_SPACE:
                i += 1
            return flags, i
        flags.append(RawFlag(text[start:i], joined, start, i, value_start))


def heredoc_words(line: str) -> list[RawWord] | None:
    """The words of a whole instruction line as BuildKit's heredoc detection sees them.

    BuildKit lexes the line with its shell lexer (backslash escapes, quotes kept raw) and looks for words
    of the form ``[n]<<[-]NAME``. ``text`` keeps quotes and escapes; ``value`` is unused (equal to text).
    None when the lexer fails (an unterminated quote), in which case BuildKit finds no heredoc at all.
    """
    words: list[RawWord] = []
    i, n = 0, len(line)
    start = -1
    while i < n:
        ch = line[i]
        if ch.isspace():
            if start >= 0:
                words.append(RawWord(line[start:i], line[start:i], start, i))
                start = -1
            i += 1
            continue
        if start < 0:
            start = i
        if ch == "'":
            close = line.find("'", i + 1)
            if close < 0:
                return None
            i = close + 1
        elif ch == '"':
            i += 1
            while i < n and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
            if i >= n:
                return None
            i += 1
        elif ch == "\\":
            i += 2
        elif ch == "$" and line.startswith("{", i + 1):
            close = _substitution_end(line, i + 1)
            if close < 0:
                return None
            i = close + 1
        else:
            i += 1
    if start >= 0:
        words.append(RawWord(line[start:n], line[start:n], start, n))
    return words


# A name is any Unicode letter, digit or `_` (not starting with a digit), as in BuildKit's lexer.
_SUBSTITUTION = re.compile(r"\{(?:[^\W\d]\w*|[0-9]+|[@*#?$!-])(?::[-+?]|[-+?]|##?|%%?|//?|(?=\}))")


def _substitution_end(line: str, brace: int) -> int:
    """The index of the `}` closing the `${` whose brace is at ``brace``, or -1 where BuildKit's lexer
    fails (unterminated, or an operator it does not support), which makes it find no heredoc at all."""
    if not _SUBSTITUTION.match(line, brace):
        return -1
    depth = 0
    for index in range(brace, len(line)):
        if line[index] == "{":
            depth += 1
        elif line[index] == "}":
            depth -= 1
            if depth == 0:
                return index
    return -1


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
    key_text: str = ""  # as written, quotes included
    value_text: str = ""  # as written, quotes included


def split_pairs(text: str, escape: str = "\\", allow_bare: bool = False) -> list[RawPair]:
    """Parse ``k=v k2="v 2"`` pairs (ENV, LABEL, ARG) or the legacy ``ENV key some value`` form."""
    words = split_words(text, escape)
    if not words:
        return []
    if "=" not in words[0].text and not allow_bare:
        # Legacy form: the key runs to the first run of BuildKit's whitespace (quotes do not group here),
        # the value is everything after it.
        separator = BUILDKIT_WHITESPACE.search(text, words[0].start)
        if separator is None:
            key_end = rest_start = len(text.rstrip())
        else:
            key_end, rest_start = separator.start(), separator.end()
        key_raw = text[words[0].start : key_end]
        rest = text[rest_start:].rstrip()
        return [
            RawPair(
                unquote(key_raw, escape),
                unquote(rest, escape),
                words[0].start,
                key_end,
                rest_start,
                rest_start + len(rest),
                True,
                True,
                key_raw,
                rest,
            )
        ]
    pairs: list[RawPair] = []
    for word in words:
        eq = word.text.find("=")
        if eq < 0:
            pairs.append(RawPair(word.value, "", word.start, word.end, word.end, word.end, False, False, word.text))
            continue
        key_raw = word.text[:eq]
        value_raw = word.text[eq + 1 :]
        pairs.append(
            RawPair(
                unquote(key_raw, escape),
                unquote(value_raw, escape),
                word.start,
                word.start + eq,
                word.start + eq + 1,
                word.end,
                False,
                True,
                key_raw,
                value_raw,
            )
        )
    return pairs
