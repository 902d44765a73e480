"""The labels a file sets: every LABEL pair (ONBUILD's included), and those the image of a stage gets."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from dockwright.dockerfile.model import Dockerfile, Instruction, KeyValue, Stage
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.labels import is_valid


def label_pairs(document: Dockerfile) -> Iterator[tuple[Instruction, KeyValue]]:
    """Every key-value pair of every LABEL (ONBUILD LABEL included)."""
    for instruction in instructions_of(document, "LABEL"):
        for pair in instruction.pairs:
            yield instruction, pair


def stage_labels(stage: Stage) -> dict[str, tuple[Instruction, KeyValue]]:
    """The labels the image of ``stage`` gets from this file: its own and those of the stages it builds on."""
    labels: dict[str, tuple[Instruction, KeyValue]] = {}
    for earlier in reversed(stage.lineage):
        for instruction in earlier.named("LABEL"):
            for pair in instruction.pairs:
                labels[pair.key] = (instruction, pair)
    return labels


def mistyped_labels(document: Dockerfile, schema: Mapping[str, str], label_type: str) -> Iterator[tuple[KeyValue, str]]:
    """The labels ``schema`` gives ``label_type`` whose value (variables substituted) is not of that type, with
    the value; values from unresolved variables are not judged."""
    for instruction, pair in label_pairs(document):
        if schema.get(pair.key) != label_type or not pair.value:
            continue
        value = instruction.expand(pair.value)
        if not value.undefined and not is_valid(label_type, value.value):
            yield pair, value.value
