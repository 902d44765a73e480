"""Rule options: the few settings a rule takes (a quote style, a key order), declared on the rule and validated
when a config is read, so a bad option is a ConfigError naming the field rather than a surprise at lint time.

A rule declares ``options = (RuleOption(...), ...)`` and reads a value with ``self.option(context, name)``;
configs give them as ``rule_options: {DC016: {quote: single}}`` (any name of the rule: id, slug, a peer's).
dclint's options (``.dclintrc``: ``rules: {name: [level, {options}]}``) arrive through each option's
``dclint`` name, or through the rule's own ``from_dclint_options`` where one of ours stands for several.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from dockwright.errors import ConfigError
from dockwright.i18n import Message

# An option's values are small: a word, a flag, a list of keys or tags.
MAX_ITEMS = 100
MAX_CHARS = 128

Parser = Callable[[Any, str], Any]


@dataclass(frozen=True)
class RuleOption:
    name: str
    description: str
    default: Any
    # Turns a config value into the option's value, or raises ConfigError naming ``where``.
    parse: Parser
    # The name of dclint's option that means the same, when it takes the same value.
    dclint: str | None = None


def boolean(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(Message("{where} must be true or false", where=where))
    return value


def choice(*allowed: str) -> Parser:
    def parse(value: Any, where: str) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise ConfigError(
                Message(
                    "{where} must be one of: {allowed} (got {value!r})",
                    where=where,
                    allowed=", ".join(allowed),
                    value=value,
                )
            )
        return value

    return parse


def words(value: Any, where: str) -> tuple[str, ...]:
    """A list of short non-empty strings, without repeats."""
    if not isinstance(value, list | tuple) or len(value) > MAX_ITEMS:
        raise ConfigError(Message("{where} must be a list of at most {limit} strings", where=where, limit=MAX_ITEMS))
    out: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip() or len(item) > MAX_CHARS or not item.isprintable():
            raise ConfigError(
                Message(
                    "{where}[{index}] must be a non-empty printable string of {limit} characters at most",
                    where=where,
                    index=index,
                    limit=MAX_CHARS,
                )
            )
        if item.strip() in out:
            raise ConfigError(
                Message("{where}[{index}]: {item!r} is listed twice", where=where, index=index, item=item)
            )
        out.append(item.strip())
    return tuple(out)


def parse_options(rule: Any, given: Any, where: str) -> dict[str, Any]:
    """The options ``given`` for ``rule`` (a Rule class), validated; unknown names are an error."""
    if not isinstance(given, Mapping):
        raise ConfigError(Message("{where} must be an object mapping option names to values", where=where))
    declared = {option.name: option for option in rule.options}
    parsed: dict[str, Any] = {}
    for name, value in given.items():
        option = declared.get(name)
        if option is None:
            known = ", ".join(declared) or Message("none")
            raise ConfigError(
                Message(
                    "{where}: {rule} has no option {name!r} (its options: {known})",
                    where=where,
                    rule=rule.id,
                    name=name,
                    known=known,
                )
            )
        parsed[name] = option.parse(value, f"{where}.{name}")
    return parsed


def dclint_options(rule: Any, given: Mapping[str, Any], where: str) -> dict[str, Any]:
    """dclint's options of ``rule``'s equivalent as ours (unvalidated: :func:`parse_options` judges them)."""
    translate = getattr(rule, "from_dclint_options", None)
    if translate is not None:
        return dict(translate(given, where))
    by_dclint_name = {option.dclint: option.name for option in rule.options if option.dclint}
    out: dict[str, Any] = {}
    for name, value in given.items():
        if name not in by_dclint_name:
            known = ", ".join(by_dclint_name) or Message("none")
            raise ConfigError(
                Message(
                    "{where}: dclint's {rule} has no option {name!r} that Dockwright knows (known: {known})",
                    where=where,
                    rule=rule.equivalents.get("dclint"),
                    name=name,
                    known=known,
                )
            )
        out[by_dclint_name[name]] = value
    return out
