"""The rule contract: a small class whose attributes are its public face and whose ``check`` yields findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, ClassVar

from dockwright.findings import Finding, Fix, Severity, Span
from dockwright.i18n import ENGLISH, Message, translate
from dockwright.knowledge import Knowledge
from dockwright.rules.options import RuleOption
from dockwright.rules.peer_gaps import PEER_GAPS

TARGETS = ("dockerfile", "compose")
PEERS = ("hadolint", "buildkit", "dclint", "shellcheck")
# "default": what matters for correctness, security and operations; "style": layout conventions (key order,
# sorting, quoting), off unless a config enables them (`enable: [style]`).
PROFILES = ("default", "style")


class Rule:
    """Base class of every rule.

    Subclasses set the class attributes below and implement :meth:`check`, which receives the parsed
    document (a ``dockwright.dockerfile.model.Dockerfile`` or a ``dockwright.compose.model.ComposeFile``)
    and the :class:`~dockwright.context.LintContext` of this analysis.
    """

    id: ClassVar[str]
    slug: ClassVar[str]
    target: ClassVar[str] = "dockerfile"
    severity: ClassVar[Severity]
    title: ClassVar[str]
    rationale: ClassVar[str]
    bad: ClassVar[str]
    good: ClassVar[str]
    fix_title: ClassVar[str]
    equivalents: ClassVar[dict[str, str]] = {}
    # Off unless a config enables it (as hadolint does with DL1001): noisy or opinionated rules.
    enabled_by_default: ClassVar[bool] = True
    # The set the rule belongs to (see PROFILES); a style rule is also off by default.
    profile: ClassVar[str] = "default"
    # Where and why we deliberately differ from the peer named in `equivalents`.
    notes: ClassVar[str] = ""
    # The settings the rule takes from a config's `rule_options` (see dockwright.rules.options).
    options: ClassVar[tuple[RuleOption, ...]] = ()
    # The table of facts the rule judges by (dockwright.knowledge), shown on its page.
    knows: ClassVar[Callable[[], Knowledge] | None] = None

    def check(self, document: Any, context: Any) -> Iterable[Finding]:
        raise NotImplementedError

    def option(self, context: Any, name: str) -> Any:
        """The value of the option ``name`` in this analysis: the config's, else the declared default."""
        given = context.config.rule_options.get(self.id, {})
        if name in given:
            return given[name]
        return next(option.default for option in self.options if option.name == name)

    def finding(self, span: Span, message: Message, fix: Fix | None = None) -> Finding:
        # A Message, not a str: its template is what the catalogue translates (see dockwright.i18n).
        return Finding(self.id, self.severity, message, span, fix)

    @classmethod
    def metadata(cls, lang: str = ENGLISH) -> dict[str, Any]:
        """Everything the CLI, the API and the SPA show about the rule, written once here; the title, rationale
        and fix title, its notes and its options' descriptions in ``lang``."""
        return {
            "id": cls.id,
            "slug": cls.slug,
            "target": cls.target,
            "severity": cls.severity.value,
            "title": translate(cls.title, lang),
            "rationale": translate(cls.rationale, lang),
            "bad": cls.bad,
            "good": cls.good,
            "fix_title": translate(cls.fix_title, lang),
            "equivalents": dict(cls.equivalents),
            "enabled_by_default": cls.enabled_by_default,
            "profile": cls.profile,
            "notes": translate(cls.notes, lang) if cls.notes else cls.notes,
            "options": [
                {
                    "name": o.name,
                    "description": translate(o.description, lang),
                    "default": _plain(o.default),
                    "dclint": o.dclint,
                }
                for o in cls.options
            ],
        }

    @classmethod
    def knowledge(cls) -> Knowledge | None:
        """What the rule knew (see :attr:`knows`): built when a page asks, not with every catalogue listing."""
        return cls.knows() if cls.knows is not None else None


def _plain(value: Any) -> Any:
    """An option's default as JSON has it (tuples as lists)."""
    return list(value) if isinstance(value, tuple) else value


class RuleRegistry:
    """All known rules by id; validates each rule as it registers so a malformed rule fails at import."""

    def __init__(self) -> None:
        self._rules: dict[str, type[Rule]] = {}
        self._slugs: dict[str, type[Rule]] = {}

    def register(self, rule: type[Rule]) -> type[Rule]:
        self._validate(rule)
        self._rules[rule.id] = rule
        self._slugs[rule.slug] = rule
        return rule

    def _validate(self, rule: type[Rule]) -> None:
        for attr in ("id", "slug", "severity", "title", "rationale", "bad", "good", "fix_title"):
            value = getattr(rule, attr, None)
            if value is None or (isinstance(value, str) and not value.strip()):
                raise TypeError(f"rule {rule.__name__} is missing {attr}")
        if rule.id in self._rules and self._rules[rule.id] is not rule:
            raise TypeError(f"duplicate rule id {rule.id} ({rule.__name__})")
        if self._slugs.get(rule.slug, rule) is not rule:
            raise TypeError(f"duplicate rule slug {rule.slug} ({rule.__name__})")
        if rule.profile not in PROFILES or (rule.profile == "style" and rule.enabled_by_default):
            raise TypeError(f"rule {rule.id} has unknown profile {rule.profile!r} or is a style rule on by default")
        if rule.target not in TARGETS:
            raise TypeError(f"rule {rule.id} has unknown target {rule.target!r}")
        if not isinstance(rule.severity, Severity) or rule.severity is Severity.NONE:
            raise TypeError(f"rule {rule.id} has an invalid severity")
        for peer in rule.equivalents:
            if peer not in PEERS:
                raise TypeError(f"rule {rule.id} names unknown peer {peer!r}")

    def __iter__(self) -> Iterator[type[Rule]]:
        return iter(sorted(self._rules.values(), key=lambda r: r.id))

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, rule_id: str) -> type[Rule] | None:
        return self._rules.get(rule_id.upper()) or self._by_slug(rule_id)

    def _by_slug(self, slug: str) -> type[Rule] | None:
        return self._slugs.get(slug)

    def for_target(self, target: str) -> list[type[Rule]]:
        return [r for r in self if r.target == target]

    def resolve_id(self, name: str) -> list[str]:
        """Our ids for a name that may be ours (id or slug) or a peer's id (e.g. hadolint's DL3007)."""
        own = self.get(name)
        if own is not None:
            return [own.id]
        upper = name.strip().upper()
        ids = [r.id for r in self if any(v.upper() == upper for v in r.equivalents.values())]
        if not ids:
            # A peer check reported under another of our rules (hadolint's DL3061 is a syntax error, DF001).
            gap = next((g for peer_id, g in PEER_GAPS.items() if peer_id.upper() == upper), None)
            if gap is not None and gap.covered_by in self._rules:
                ids = [gap.covered_by]
        return ids


registry = RuleRegistry()


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator adding a rule to the global registry."""
    return registry.register(rule)
