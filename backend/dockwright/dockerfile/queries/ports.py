"""The ports an EXPOSE names, split as BuildKit splits them."""

from __future__ import annotations

from dataclasses import dataclass

from dockwright.dockerfile.model import Instruction, Word


@dataclass(frozen=True)
class PortSpec:
    """One EXPOSE word split as BuildKit splits it: `[ip:][host:]container[/proto]`."""

    word: Word
    text: str  # after variable substitution
    ip: str
    host_port: str
    container_port: str
    protocol: str  # as written, possibly empty


def exposed_ports(instruction: Instruction) -> list[PortSpec]:
    """The port words of an EXPOSE (words whose variables cannot be resolved are left out)."""
    specs = []
    for word in instruction.words:
        expansion = instruction.expand(word.value)
        if expansion.undefined:
            continue
        for text in expansion.value.split():
            parts = text.split(":")
            container = parts[-1]
            host = parts[-2] if len(parts) >= 2 else ""
            ip = ":".join(parts[:-2])
            port, _, protocol = container.partition("/")
            specs.append(PortSpec(word, text, ip, host, port, protocol))
    return specs
