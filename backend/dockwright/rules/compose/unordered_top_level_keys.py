from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dockwright.compose.model import ComposeFile
from dockwright.compose.ordering import locale_key
from dockwright.compose.reorder import reorder
from dockwright.context import LintContext
from dockwright.errors import ConfigError
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.options import RuleOption, words

# "x-*" stands for the extension fields (`x-defaults`), which sort among themselves alphabetically.
EXTENSIONS = "x-*"
TOP_LEVEL_ORDER = (
    EXTENSIONS, "version", "name", "include", "services", "models", "networks", "volumes", "secrets", "configs",
)  # fmt: skip


def _top_level_order(value: Any, where: str) -> tuple[str, ...]:
    """A list of top-level keys; dclint's name for the extension fields, `x-properties`, is taken too."""
    order = tuple(EXTENSIONS if key == "x-properties" else key for key in words(value, where))
    unknown = [key for key in order if key not in TOP_LEVEL_ORDER]
    if unknown:
        raise ConfigError(f"{where}: {unknown[0]!r} is not a top-level key (known: {', '.join(TOP_LEVEL_ORDER)})")
    return order


@register
class UnorderedTopLevelKeys(ComposeRule):
    id = "DC023"
    slug = "unordered-top-level-keys"
    severity = Severity.STYLE
    title = "Top-level keys are not in the conventional order"
    rationale = (
        "Extension fields (`x-...`) first, because the rest refers to their anchors; then name, include, "
        "services, and the networks, volumes, secrets and configs the services use."
    )
    bad = "volumes:\n  data:\nservices:\n  db:\n    image: postgres:17"
    good = "services:\n  db:\n    image: postgres:17\nvolumes:\n  data:"
    fix_title = (
        "Order the top level: x-*, version, name, include, services, models, networks, volumes, secrets, configs"
    )
    equivalents = {"dclint": "top-level-properties-order"}
    profile = "style"
    enabled_by_default = False
    options = (
        RuleOption(
            "order",
            f"the top-level keys in order, {EXTENSIONS!r} standing for the extension fields; keys left out keep "
            "their place",
            TOP_LEVEL_ORDER,
            _top_level_order,
            dclint="customOrder",
        ),
    )
    notes = (
        "Keys Compose does not know are left to the schema rule; dclint also reports them here, and keys its "
        "`customOrder` leaves out."
        " The fix (applied by `--fix`) moves whole entries with their comments, anchors and quotes; it is "
        "offered only when the rewritten file reads back as the same data (an alias moved before its anchor, "
        "a flow mapping or several entries on one line are left alone)."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        if document.mapping is None:
            return
        keys = [key for key, _ in document.mapping.own_pairs]
        extensions = sorted((k.raw for k in keys if k.raw.startswith("x-")), key=locale_key)
        wanted = [name for key in self.option(context, "order")
                  for name in (extensions if key == EXTENSIONS else [key])]  # fmt: skip
        order = {name: position for position, name in enumerate(wanted)}
        previous = -1
        fix: Fix | None = None
        for key in keys:
            position = order.get(key.raw)
            if position is None:
                continue
            if position < previous:
                fix = fix or self._fix(document, order)
                yield self.finding(key.span, Message("top-level key {key!r} is out of order", key=key.raw), fix)
            else:
                previous = position

    def _fix(self, document: ComposeFile, order: dict[str, int]) -> Fix:
        """Keys Compose does not know keep their place after the known ones."""
        assert document.mapping is not None
        keys = [key for key, _ in document.mapping.own_pairs]
        ordered = sorted(keys, key=lambda key: order.get(key.raw, len(order)))
        edits = reorder(document, (), [*(key for key, _ in document.mapping.merges), *ordered])
        return Fix(self.fix_title, edits, safe=bool(edits))
