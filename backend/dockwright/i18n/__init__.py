"""Findings and rules in the reader's language, from one gettext catalogue for the CLI, the API and the editor.

English is the source language. A rule writes its message as a template with named fields::

    Message("`{image}` uses the moving `latest` tag", image=image.raw)

The value *is* the English text (a ``str``), so findings compare, sort, hash and cache as before; the template
and its fields travel with it (through pickles too), and :func:`render` gives the text in another language at
output time. Rule titles, rationales and fix titles are their own message ids. The catalogues are
``locale/<language>/LC_MESSAGES/dockwright.po``, compiled to the ``.mo`` files read here (see
``dockwright.i18n.catalogue`` for how both are kept up to date).
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dockwright.findings import Finding
    from dockwright.rules.base import Rule

ENGLISH = "en"
CHINESE_SIMPLIFIED = "zh-Hans"
LANGUAGES = (ENGLISH, CHINESE_SIMPLIFIED)
DOMAIN = "dockwright"
# The template of text shown as it is (see verbatim): not a text to translate.
VERBATIM = "{text}"
LOCALE_DIR = Path(__file__).with_name("locale")
# The folder gettext looks in for each language (POSIX locale names, as Django's use too).
_LOCALE_NAMES = {CHINESE_SIMPLIFIED: "zh_Hans"}
# Chinese written in traditional characters: we have no catalogue for it, so such readers get English rather
# than a script they did not ask for.
_TRADITIONAL = re.compile(r"^zh[-_](hant|tw|hk|mo)\b", re.IGNORECASE)
# Rule texts a reader sees, in the order the API lists them.
RULE_TEXTS = ("title", "rationale", "fix_title")


class Message(str):
    """A finding's English text that keeps its template and fields so it can be rendered in another language.

    Field values are strings, numbers or other messages (a clause chosen at run time), rendered in the same
    language. Literal braces in a template are doubled, as in ``str.format``.
    """

    template: str
    fields: Mapping[str, object]

    def __new__(cls, template: str, /, **fields: object) -> Message:
        # Anything else (an exception, a path) is kept as its text: stored findings hold the fields as JSON.
        fields = {k: v if v is None or isinstance(v, str | int | float) else str(v) for k, v in fields.items()}
        text = super().__new__(cls, template.format_map(fields))
        text.template = template
        text.fields = fields
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        # Findings cross to the CLI's worker processes as pickles; without this they would arrive as the
        # English string alone.
        return (_message, (self.template, dict(self.fields)))

    def to_data(self) -> dict[str, object]:
        """The template and fields as JSON data (nested messages as the same shape), for stored findings."""
        return {
            "id": self.template,
            "args": {k: v.to_data() if isinstance(v, Message) else v for k, v in self.fields.items()},
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Message:
        args = data.get("args") or {}
        return cls(str(data["id"]), **{k: cls.from_data(v) if isinstance(v, Mapping) else v for k, v in args.items()})


def verbatim(text: str) -> Message:
    """Text shown as it is in every language: what the parsers and schema validators say about a file they
    could not read (YAML, JSON Schema and Dockerfile syntax errors, over-limit notes) and ShellCheck's own
    messages. The catalogue check does not ask for a translation of these. A message stays the message it is
    (the parsers translate some of what they say)."""
    return text if isinstance(text, Message) else Message(VERBATIM, text=text)


def and_list(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``, as a message that joins its items in each language's way."""
    if len(items) <= 1:
        return items[0] if items else ""
    head: str = items[0]
    for item in items[1:-1]:
        head = Message("{first}, {second}", first=head, second=item)
    return Message("{head} and {last}", head=head, last=items[-1])


def _message(template: str, fields: dict[str, object]) -> Message:
    return Message(template, **fields)


def language(tag: str | None) -> str:
    """The language we have for a BCP 47 tag or POSIX locale name (``zh-CN``, ``zh_Hans``, ``en-GB``), or English.

    Any Chinese that is not written in traditional characters gets Simplified Chinese.
    """
    if not tag:
        return ENGLISH
    tag = tag.strip()
    if tag.lower().startswith("zh") and not _TRADITIONAL.match(tag) and tag[2:3] in ("", "-", "_"):
        return CHINESE_SIMPLIFIED
    return ENGLISH


def preferred_language(accept_language: str | None) -> str:
    """The first language of an Accept-Language header (by weight) that we have, or English."""
    choices: list[tuple[float, int, str]] = []
    for index, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                weight = float(match.group(1))
            except ValueError:
                continue
        if tag and weight > 0:
            choices.append((-weight, index, tag))
    for _, _, tag in sorted(choices):
        if tag == "*" or tag.lower().startswith("en"):
            return ENGLISH
        if language(tag) != ENGLISH:
            return language(tag)
    return ENGLISH


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of a language (English and unknown languages: the source text itself)."""
    name = _LOCALE_NAMES.get(language(lang))
    if name is None:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[name], fallback=True)


def translate(text: str, lang: str) -> str:
    """A fixed English text (a rule's title, rationale or fix title) in ``lang``; English when not translated."""
    if language(lang) == ENGLISH:
        return text
    return translations(lang).gettext(text)


def render(text: str, lang: str) -> str:
    """A finding's message (or fix title) in ``lang``: a :class:`Message` from its template, plain text as is.

    A translation that does not fit its fields (a test keeps the catalogue from having one) falls back to
    English rather than failing an analysis.
    """
    if language(lang) == ENGLISH:
        return str(text)
    if not isinstance(text, Message):
        # A rule's own fix title, used as the title of a fix.
        return translate(str(text), lang)
    fields = {k: render(v, lang) if isinstance(v, Message) else v for k, v in text.fields.items()}
    try:
        return translate(text.template, lang).format_map(fields)
    except (KeyError, IndexError, ValueError):
        return str(text)


def message_of(error: BaseException) -> str:
    """What an error says, as the :class:`Message` it was raised with when it was (an InputError keeps it as its
    argument; ``str(error)`` is the English text only), to render now or to nest in another message."""
    return error.args[0] if len(error.args) == 1 and isinstance(error.args[0], Message) else str(error)


def error_text(error: BaseException, lang: str) -> str:
    """What an error of the engine says, in ``lang`` when it was raised with a :class:`Message`."""
    return render(message_of(error), lang)


def localize(finding: Finding, lang: str) -> Finding:
    """The finding with its message and fix title in ``lang`` (the same finding for English)."""
    if language(lang) == ENGLISH:
        return finding
    fix = finding.fix
    if fix is not None:
        fix = replace(fix, title=render(fix.title, lang))
    return replace(finding, message=render(finding.message, lang), fix=fix)


# The key under which a finding's data (Finding.to_dict, as the server stores it) keeps its templates.
TEMPLATES_KEY = "i18n"


def with_templates(finding: Finding, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` (the finding as a dict) with the templates of its message and fix title, for a stored finding
    that is rendered in each reader's language later (see :func:`localize_data`)."""
    templates: dict[str, Any] = {}
    if isinstance(finding.message, Message):
        templates["message"] = finding.message.to_data()
    if finding.fix is not None and isinstance(finding.fix.title, Message):
        templates["fix_title"] = finding.fix.title.to_data()
    if templates:
        data[TEMPLATES_KEY] = templates
    return data


def finding_from_data(data: Mapping[str, Any]) -> Finding:
    """The finding of ``data`` (:meth:`Finding.to_dict` with the templates :func:`with_templates` adds) with its
    message and fix title as :class:`Message` again, so that :func:`localize` renders it in another language: a
    client's view of a server's finding. A template that does not give the text back (data from another version)
    is left out: the text stays as sent."""
    from dockwright.findings import Finding  # here: the engine's modules import this one

    finding = Finding.from_dict(data)
    templates = data.get(TEMPLATES_KEY) or {}
    message = _message_of(templates.get("message"), finding.message)
    fix = finding.fix
    if fix is not None:
        fix = replace(fix, title=_message_of(templates.get("fix_title"), fix.title))
    return replace(finding, message=message, fix=fix)


def _message_of(template: Any, text: str) -> str:
    if not isinstance(template, Mapping):
        return text
    try:
        message = Message.from_data(template)
    except (KeyError, IndexError, ValueError, TypeError):
        return text
    return message if message == text else text


def localize_data(data: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """A stored finding as the reader sees it: message, fix title and ``rule_title`` in ``lang``, and the
    templates left out (data stored before findings kept them stays English)."""
    localized = {k: v for k, v in data.items() if k != TEMPLATES_KEY}
    if language(lang) == ENGLISH:
        return localized
    templates = data.get(TEMPLATES_KEY) or {}
    if "message" in templates:
        localized["message"] = render(Message.from_data(templates["message"]), lang)
    fix = data.get("fix")
    if fix:
        title = Message.from_data(templates["fix_title"]) if "fix_title" in templates else fix["title"]
        localized["fix"] = {**fix, "title": render(title, lang)}
    if localized.get("rule_title"):
        localized["rule_title"] = translate(localized["rule_title"], lang)
    return localized


def rule_texts(rule: type[Rule], lang: str) -> dict[str, str]:
    """A rule's title, rationale and fix title in ``lang``."""
    return {name: translate(getattr(rule, name), lang) for name in RULE_TEXTS}
