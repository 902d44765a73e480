"""The questions rules ask of the parsed model, answered once, beside the parser: rules import these modules,
the model and the rule base, never each other, so a parsing subtlety (a flag that takes a value, `python -m
pip`, a relative COPY destination, an ONBUILD trigger) is handled in one place.

- :mod:`.commands`: the shell commands RUNs run (ONBUILD triggers included), their operands, fix insertions;
- :mod:`.stages`: which instructions a rule sees, stage lineage, what ships in the image;
- :mod:`.packages`: one table per package tool, and the commands read through it;
- :mod:`.mounts`, :mod:`.paths`, :mod:`.users`, :mod:`.ports`, :mod:`.labels`.
"""

from dockwright.dockerfile.queries.stages import lineage_instructions

# The compose rules read the Dockerfiles a service builds through this name.
__all__ = ["lineage_instructions"]
