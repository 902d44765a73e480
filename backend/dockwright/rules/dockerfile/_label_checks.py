"""What the label rules share: the LABEL pairs of a file and a base class for the per-type value checks.

Not a rule module (the leading underscore keeps `load_all` from importing it as one).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction, KeyValue, Stage
from dockwright.findings import Finding
from dockwright.labels import is_valid
from dockwright.rules.base import Rule


def label_pairs(document: Dockerfile) -> Iterator[tuple[Instruction, KeyValue]]:
    """Every key-value pair of every LABEL (ONBUILD LABEL included)."""
    for instruction in document.all_instructions():
        if instruction.keyword == "LABEL":
            for pair in instruction.pairs:
                yield instruction, pair


def final_labels(document: Dockerfile) -> dict[str, tuple[Instruction, KeyValue]]:
    """The labels the final image gets from this file: its stage and the stages it builds on."""
    stage: Stage | None = document.final_stage
    labels: dict[str, tuple[Instruction, KeyValue]] = {}
    if stage is None:
        return labels
    for ancestor in reversed(stage.lineage):
        for instruction in ancestor.named("LABEL"):
            for pair in instruction.pairs:
                labels[pair.key] = (instruction, pair)
    return labels


class LabelTypeRule(Rule):
    """A label the config's `label_schema` gives this type must have a value of that type."""

    label_type: ClassVar[str]
    description: ClassVar[str]
    # The label the examples use; the docs meta-test types it through `example_config`.
    example_label: ClassVar[str]
    example_config: ClassVar[dict[str, object]]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__()
        cls.example_config = {"label_schema": {cls.example_label: cls.label_type}}

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        schema = context.config.label_schema
        for instruction, pair in label_pairs(document):
            if schema.get(pair.key) != self.label_type or not pair.value:
                continue
            value = instruction.expand(pair.value)
            if value.undefined or is_valid(self.label_type, value.value):
                continue
            yield self.finding(
                pair.value_span, f"label `{pair.key}` is `{value.value}`, which is not {self.description}"
            )
