"""Small hostile files, one per class of cost the engine bounds, each with what the answer must say.

Shared by the engine's CLI and API regression tests (backend/bench/hostile_bench.py sends many more to the
production stack and prints what each costs).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    content: str
    # A finding the answer must hold: (rule id, words its message contains).
    expect: tuple[str, str]
    kind: str = "dockerfile"


def _doubling_args(levels: int) -> str:
    lines = ["ARG A0=ab"] + [f"ARG A{i}=${{A{i - 1}}}${{A{i - 1}}}" for i in range(1, levels + 1)]
    return "\n".join(lines) + f"\nFROM alpine:${{A{levels}}}\nWORKDIR /${{A{levels}}}\nLABEL x=${{A{levels}}}\n"


CASES = [
    Case("exponential-args", _doubling_args(40), ("DF108", "longer than")),
    Case("nested-defaults", "FROM alpine:3.20\nENV Y=" + "${X:-" * 500 + "}" * 500 + "\n", ("DF108", "nest deeper")),
    Case("exec-form-brackets", "FROM alpine:3.20\nCMD " + "[" * 1000 + "\n", ("DF008", "runs under")),
    Case("long-command-chain", "FROM alpine:3.20\nRUN " + " && ".join(["true"] * 5000) + "\n", ("DF100", "not run")),
    Case("nested-subshells", "FROM alpine:3.20\nRUN " + "(" * 3000 + "true" + ")" * 3000 + "\n", ("DF100", "nests")),
    Case(
        "nested-case",
        "FROM alpine:3.20\nRUN " + "case x in x) " * 1000 + "true" + " ;; esac" * 1000 + "\n",
        ("DF100", "not run"),
    ),
    Case(
        "nested-arithmetic",
        "FROM alpine:3.20\nRUN echo " + "$((" * 1000 + "1" + "))" * 1000 + "\n",
        ("DF100", "not run"),
    ),
    Case("long-pipe", "FROM alpine:3.20\nRUN " + " | ".join(["cat"] * 3000) + "\n", ("DF100", "bytes long")),
    Case(
        "many-distinct-scripts",
        "FROM alpine:3.20\n" + "".join(f"RUN echo {i}\n" for i in range(5000)),
        ("DF100", "later ones"),
    ),
    Case("many-env-lines", "FROM alpine:3.20\n" + "".join(f"ENV V{i}=1\n" for i in range(20_000)), ("DF108", "scopes")),
    Case(
        "one-value-many-times",
        "FROM alpine:3.20\nENV B=" + "x" * 16_000 + "\n" + "".join(f"ENV A{i}=${{B}}\n" for i in range(3_000)),
        ("DF108", "budget"),
    ),
    Case(
        "huge-numbers",
        "FROM alpine:3.20\nRUN cat "
        + "9" * 5000
        + "<<EOF\nx\nEOF\nEXPOSE "
        + "9" * 5000
        + "\nCOPY --from="
        + "1" * 5000
        + " /a /b\n",
        ("DF057", "there is no stage"),
    ),
    Case(
        "huge-numbers-compose",
        'services:\n  a:\n    image: x\n    ports:\n      - "'
        + "9" * 5000
        + ':80"\n    mem_limit: '
        + "9" * 5000
        + "\n  b:\n    image: y\n",
        ("DC019", "has no tag"),
        kind="compose",
    ),
    Case(
        "merge-key-bomb",
        "x-base: &base {"
        + ", ".join(f"k{i}: v" for i in range(5000))
        + "}\nservices:\n"
        + "".join(f"  s{i}:\n    <<: *base\n    image: alpine:3.19\n" for i in range(3000)),
        ("DC002", "merge keys"),
        kind="compose",
    ),
    Case(
        "many-findings",
        "FROM debian:12\n" + "".join(f"RUN apt-get install pkg{i}\n" for i in range(8_000)),
        ("DF009", "more findings"),
    ),
]
