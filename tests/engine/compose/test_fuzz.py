"""Hostile input never crashes or hangs the compose pipeline: it only ever yields findings."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dockwright.errors import InputError
from dockwright.findings import Finding
from dockwright.lint import lint

VALID = (
    "name: shop\nx-base: &base\n  restart: always\n  environment: &env\n    TZ: UTC\n"
    "services:\n  web:\n    <<: *base\n    image: nginx:${TAG:-1.27}\n    ports: ['8080:80']\n"
    "    depends_on: [db]\n  db:\n    <<: *base\n    image: postgres:17\n    environment:\n      <<: *env\n"
    "volumes:\n  data:\n"
)
YAML_TOKENS = st.sampled_from([*":-[]{}&*!|>'\"#,?%@`$ \n\tab01xy=<.\\\u00e9", "${", "<<", "---", "\r\n", "  "])


def _bomb(width: int, depth: int) -> str:
    lines = [f"x0: &x0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, depth + 1):
        lines.append(f"x{level}: &x{level} [{', '.join([f'*x{level - 1}'] * width)}]")
    return "\n".join(lines) + "\nservices:\n  a:\n    image: x:1\n"


HOSTILE = st.one_of(
    st.lists(YAML_TOKENS, max_size=200).map("".join),
    st.integers(0, len(VALID)).map(lambda n: VALID[:n]),
    st.tuples(st.integers(2, 12), st.integers(2, 12)).map(lambda t: _bomb(*t)),
    st.integers(1, 5000).map(lambda n: "x: " + "[" * n + "]" * n),
    st.integers(1, 3000).map(lambda n: "x: " + "{a: " * n + "1" + "}" * n),
    st.integers(1, 400).map(lambda n: "".join("  " * i + f"k{i}:\n" for i in range(n))),
    st.integers(10_000, 1_000_000).map(lambda n: "services:\n  web:\n    image: '" + "a" * n + "'\n"),
    st.integers(1, 2000).map(lambda n: "services:\n  web:\n    command: " + "${A:-" * n + "}" * n + "\n"),
    st.lists(st.sampled_from(["a: &a x\n", "b: *a\n", "<<: *a\n", "c: &c {<<: *c}\n", "d: !reset\n", "- *zz\n"])).map(
        "".join
    ),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(HOSTILE)
def test_hostile_yaml_only_ever_returns_findings_quickly(text: str) -> None:
    started = time.perf_counter()
    try:
        result = lint(text, kind="compose", config={"shellcheck": False})
    except InputError:
        return  # empty or binary-looking content is refused up front, by design
    elapsed = time.perf_counter() - started
    assert all(isinstance(f, Finding) for f in result.findings)
    assert not [f for f in result.findings if "internal error" in f.message], result.findings
    assert elapsed < 2.0, f"took {elapsed:.2f}s"
