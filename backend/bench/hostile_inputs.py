"""The hostile inputs of the hostile-input benchmark (bench/hostile_bench.py), one builder per class.

Each input is a whole HTTP request body, labelled with its class and a name that says what it does. Bodies
are built here, in memory, when the benchmark starts (a few tens of MB in all). Inputs whose content or body
is over the API's limits are marked as such: the benchmark expects 413 for them and judges only the others
against its targets. A builder states which side of the limit it means an input to be on, and building fails
when the input lands on the other side, so a resized input can never be judged by the wrong rule.

The regex class holds one input per regular expression that reads user text (grep `re.compile` under
backend/dockwright): a long run of the characters the pattern repeats, with a tail that makes it fail, placed
where the rule or parser applies that pattern. Where a pattern can backtrack quadratically there is a
moderate size too, so the growth shows.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

ANALYSES = "/api/v1/analyses"
SESSION = "/api/v1/auth/session"
# The benchmark starts the stack with DOCKWRIGHT_MAX_CONTENT_BYTES set to this; Django then refuses bodies
# over DATA_UPLOAD_MAX_MEMORY_SIZE (server/settings.py), and Nginx bodies over 1 MB.
MAX_CONTENT_BYTES = 256 * 1024
MAX_BODY_BYTES = 2 * MAX_CONTENT_BYTES + 16 * 1024
# "A giant line": 200 KB, well inside the content limit.
GIANT = 200_000
BASE = "FROM alpine:3.19\n"


@dataclass(frozen=True)
class HostileInput:
    group: str
    name: str
    body: bytes
    path: str = ANALYSES
    content_type: str = "application/json"
    # Over the content or body limit: 413 is expected, and the targets do not apply.
    over_limit: bool = False
    # Inputs that name the same client are sent from one address, in order (a sign-in burst); every other
    # input comes from an address of its own.
    client: str = ""
    # Sent with Transfer-Encoding: chunked instead of a Content-Length.
    chunked: bool = False

    @property
    def label(self) -> str:
        return f"{self.group}/{self.name}"


def all_inputs() -> list[HostileInput]:
    inputs = [
        *arg_expansion(),
        *huge_values(),
        *shellcheck_cost(),
        *deep_recursion(),
        *hostile_config(),
        *yaml_bombs(),
        *json_bodies(),
        *encodings(),
        *giant_lines(),
        *many_findings(),
        *regex_backtracking(),
        *sign_in_bursts(),
    ]
    labels = [i.label for i in inputs]
    duplicates = sorted({label for label in labels if labels.count(label) > 1})
    if duplicates:
        raise ValueError(f"hostile inputs with the same label: {', '.join(duplicates)}")
    return inputs


# -- request bodies ---------------------------------------------------------------------------------------


def _json(payload: Any) -> bytes:
    """UTF-8 JSON; payloads holding lone surrogates (which UTF-8 cannot carry) get them as \\u escapes."""
    try:
        return json.dumps(payload, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(payload).encode("ascii")


def analysis(group: str, name: str, content: Any, *, over: bool = False, **fields: Any) -> HostileInput:
    """POST /analyses with ``content`` and any other fields (kind, filename, config, or unknown ones)."""
    body = _json({"content": content, **fields})
    size = len(content.encode("utf-8", "surrogatepass")) if isinstance(content, str) else 0
    return _checked(HostileInput(group, name, body, over_limit=size > MAX_CONTENT_BYTES), over)


def dockerfile(group: str, name: str, content: str, **fields: Any) -> HostileInput:
    return analysis(group, name, content, kind="dockerfile", **fields)


def compose(group: str, name: str, content: str, **fields: Any) -> HostileInput:
    return analysis(group, name, content, kind="compose", **fields)


def raw(group: str, name: str, body: bytes, *, over: bool = False, **options: Any) -> HostileInput:
    """A body sent as it is, valid JSON or not."""
    return _checked(HostileInput(group, name, body, **options), over)


def _checked(item: HostileInput, over: bool) -> HostileInput:
    over_limit = item.over_limit or len(item.body) > MAX_BODY_BYTES
    if over_limit != over:
        side = "over" if over_limit else "within"
        raise ValueError(f"{item.label} is {side} the size limit ({len(item.body):,}-byte body); resize it")
    return HostileInput(**{**item.__dict__, "over_limit": over_limit})


def _chain(keyword: str, levels: int, fanout: int = 2, template: str = "${{A{prev}}}") -> str:
    """`A0=x`, then each level the previous one ``fanout`` times: the last value has fanout**levels chars."""
    lines = [f"{keyword} A0=x"]
    lines += [f"{keyword} A{i}=" + template.format(prev=i - 1) * fanout for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


def _nest(opening: str, middle: str, closing: str, depth: int) -> str:
    return opening * depth + middle + closing * depth


# -- the classes ------------------------------------------------------------------------------------------


def arg_expansion() -> Iterator[HostileInput]:
    """Variables that double at every level: a few hundred bytes that expand to 2**40 characters."""
    group = "arg-expansion"
    for levels in (20, 25, 30, 35, 39):
        yield dockerfile(group, f"arg-chain-{levels}-in-from", _chain("ARG", levels) + f"FROM alpine:${{A{levels}}}\n")
    yield dockerfile(group, "arg-chain-fanout-3x25-in-from", _chain("ARG", 25, fanout=3) + "FROM alpine:${A25}\n")
    yield dockerfile(
        group,
        "arg-chain-39-default-operators",
        _chain("ARG", 39, fanout=1, template="${{A{prev}:-x}}${{A{prev}:+${{A{prev}}}}}") + "FROM alpine:${A39}\n",
    )
    yield dockerfile(group, "env-chain-39-in-workdir", BASE + _chain("ENV", 39) + "WORKDIR /$A39\n")
    yield dockerfile(group, "env-chain-39-in-run", BASE + _chain("ENV", 39) + "RUN echo $A39\n")
    yield dockerfile(
        group, "env-chain-39-quoted", BASE + _chain("ENV", 39, template='"${{A{prev}}} ${{A{prev}}}"', fanout=1)
    )
    for instruction, line in (
        ("copy", "COPY ${A39} /dst/"),
        ("add", "ADD ${A39} /dst/"),
        ("workdir", "WORKDIR /${A39}"),
        ("label", "LABEL x=${A39}"),
        ("user", "USER ${A39}"),
        ("expose", "EXPOSE ${A39}"),
        ("volume", "VOLUME ${A39}"),
        ("stopsignal", "STOPSIGNAL ${A39}"),
        ("env", "ENV B=${A39}"),
        ("onbuild", "ONBUILD COPY ${A39} /dst/"),
        ("copy-from", "COPY --from=${A39} /a /b"),
    ):
        yield dockerfile(group, f"arg-chain-39-in-{instruction}", BASE + _chain("ARG", 39) + line + "\n")
    yield dockerfile(group, "arg-chain-39-in-from-platform", _chain("ARG", 39) + "FROM --platform=${A39} alpine:3.19\n")
    stages = "".join(f"FROM alpine:${{A22}} AS s{i}\n" for i in range(300))
    yield dockerfile(group, "arg-chain-22-in-300-stages", _chain("ARG", 22) + stages)


def huge_values() -> Iterator[HostileInput]:
    """One 100 KB value referenced thousands of times: 300 MB and more once substituted."""
    group = "huge-value"
    value = "v" * 100_000
    declare = f"{BASE}ARG V={value}\n"
    for name, line, count in (
        ("env-x3000", "ENV E{i}=$V", 3000),
        ("env-8-refs-x2000", "ENV E{i}=$V$V$V$V$V$V$V$V", 2000),
        ("label-3-refs-x3000", "LABEL l{i}=$V$V$V", 3000),
        ("workdir-x3000", "WORKDIR /$V", 3000),
        ("copy-x3000", "COPY $V /x/", 3000),
        ("user-x3000", "USER $V", 3000),
        ("expose-x3000", "EXPOSE $V", 3000),
        ("run-x3000", "RUN echo $V", 3000),
    ):
        yield dockerfile(group, name, declare + "".join(line.format(i=i) + "\n" for i in range(count)))
    stages = "".join(f"FROM alpine:$V AS s{i}\n" for i in range(2000))
    yield dockerfile(group, "from-x2000-stages", f"ARG V={value}\n" + stages)
    # Trims scan every prefix or suffix with fnmatch: 256 characters and a 255-character pattern of stars.
    pattern = "*a" * 127 + "b"
    trims = "".join(f"ENV T{i}=${{V{('%', '%%', '#', '##')[i % 4]}{pattern}}}\n" for i in range(800))
    yield dockerfile(group, "trim-patterns-x800", f"{BASE}ARG V={'a' * 256}\n{trims}")


def shellcheck_cost() -> Iterator[HostileInput]:
    """RUN scripts that are cheap to send and costly for a shell parser, or many distinct ones."""
    group = "shellcheck"
    scripts = {
        "and-chain-5000": " && ".join(["true"] * 5000),
        "and-chain-25000": " && ".join(["true"] * 25000),
        "pipe-chain-10000": " | ".join(["cat"] * 10000),
        "subshells-3000": _nest("(", "true", ")", 3000),
        "subshells-60000": _nest("(", "true", ")", 60000),
        "braces-3000": _nest("{ ", "true; ", "}; ", 3000),
        "if-3000": _nest("if true; then ", "true; ", "fi; ", 3000),
        "case-1000": "case a in a) " * 1000 + "true;; " + "esac;; " * 999 + "esac",
        "arithmetic-3000": "echo $((" + _nest("(", "1", ")", 3000) + "))",
        "arithmetic-dollar-1000": "echo " + _nest("$(( ", "1", " ))", 1000),
        "command-substitution-3000": "echo " + _nest("$(", "true", ")", 3000),
        "parameter-default-3000": "echo " + _nest("${X:-", "x", "}", 3000),
        "functions-5000": "".join(f"f{i}() {{ true; }}; " for i in range(5000)),
        "assignments-30000": "a=1 " * 30000 + "true",
        "string-200kb": 'echo "' + "a" * GIANT + '"',
    }
    for name, script in scripts.items():
        yield dockerfile(group, name, f"{BASE}RUN {script}\n")
    yield dockerfile(
        group, "bash-subshells-3000", BASE + 'SHELL ["/bin/bash", "-c"]\nRUN ' + _nest("(", "true", ")", 3000) + "\n"
    )
    yield dockerfile(group, "onbuild-subshells-3000", BASE + "ONBUILD RUN " + _nest("(", "true", ")", 3000) + "\n")
    yield dockerfile(group, "distinct-scripts-5000", BASE + "".join(f"RUN echo {i}\n" for i in range(5000)))
    yield dockerfile(group, "distinct-scripts-12000", BASE + "".join(f"RUN echo $x{i}\n" for i in range(12000)))
    body = "".join(f"echo {i} $v{i}\n" for i in range(10000))
    yield dockerfile(group, "heredoc-10000-lines", f"{BASE}RUN <<EOF\n{body}EOF\n")
    heredocs = "".join(f"RUN <<EOF\necho {i}\nEOF\n" for i in range(3000))
    yield dockerfile(group, "heredocs-3000", BASE + heredocs)
    shells = ("sh", "bash", "dash", "ash", "ksh", "mksh")
    stages = "".join(
        f'FROM alpine:3.19 AS s{i}\nSHELL ["/bin/{shells[i % len(shells)]}", "-c"]\nRUN echo {i}\n' for i in range(2000)
    )
    yield dockerfile(group, "dialects-2000-stages", stages)


def deep_recursion() -> Iterator[HostileInput]:
    """Nesting: `${X:-${X:-...}}`, brackets, JSON, YAML, license expressions."""
    group = "recursion"
    for depth in (500, 5000, 40000):
        yield dockerfile(group, f"env-default-nest-{depth}", BASE + "ENV Y=" + _nest("${X:-", "x", "}", depth) + "\n")
    yield dockerfile(group, "from-default-nest-500", "FROM alpine:" + _nest("${X:-", "3", "}", 500) + "\n")
    yield dockerfile(group, "arg-default-nest-2000", BASE + "ARG Y=" + _nest("${X:-", "x", "}", 2000) + "\n")
    for instruction in ("COPY", "WORKDIR", "LABEL y=", "USER"):
        name = instruction.split()[0].lower().rstrip("=")
        nested = _nest("${X:-", "x", "}", 1000)
        argument = f"{nested} /dst/" if instruction == "COPY" else f"/{nested}" if name == "workdir" else nested
        separator = "" if instruction.endswith("=") else " "
        yield dockerfile(group, f"{name}-default-nest-1000", f"{BASE}{instruction}{separator}{argument}\n")
    yield dockerfile(group, "cmd-open-brackets-1000", BASE + "CMD " + "[" * 1000 + "\n")
    for depth in (1000, 100000):
        yield dockerfile(group, f"cmd-brackets-{depth}", BASE + "CMD " + _nest("[", "", "]", depth) + "\n")
    for instruction in ("HEALTHCHECK CMD", "ENTRYPOINT", "RUN", "SHELL", "VOLUME", "COPY", "ADD"):
        name = instruction.split()[0].lower()
        yield dockerfile(
            group, f"{name}-brackets-50000", f"{BASE}{instruction} " + _nest("[", '"a"', "]", 50000) + "\n"
        )
    for depth in (100, 990, 5000, 200000):
        body = b'{"content": "FROM alpine:3.19\\n", "config": {"ignore": ' + _nest_bytes(b"[", b"]", depth) + b"}}"
        yield raw(group, f"json-config-ignore-nest-{depth}", body)
    yield raw(group, "json-top-level-array-nest-250000", _nest_bytes(b"[", b"]", 250000))
    yield raw(group, "json-object-nest-80000", b'{"a":' * 80000 + b"1" + b"}" * 80000)
    severity = b'{"content": "FROM alpine:3.19\\n", "config": {"severity": {"DF003": ' + _nest_bytes(b"[", b"]", 900)
    yield raw(group, "json-config-severity-nest-900", severity + b"}}}")
    license_expression = _nest("(", "MIT", ")", 50000)
    yield dockerfile(
        group,
        "spdx-parentheses-50000",
        f'{BASE}LABEL org.opencontainers.image.licenses="{license_expression}"\n',
        config={"label_schema": {"org.opencontainers.image.licenses": "spdx"}},
    )
    image = _nest("${A:-", "alpine", "}", 20000)
    yield compose(group, "compose-interpolation-nest-20000", f'services:\n  a:\n    image: "{image}"\n')
    yield compose(group, "compose-build-args-nest", "services:\n  a:\n    build:\n      context: " + "[" * 20000 + "\n")


def _nest_bytes(opening: bytes, closing: bytes, depth: int) -> bytes:
    return opening * depth + closing * depth


def hostile_config() -> Iterator[HostileInput]:
    """`config` with NUL and lone surrogates where they end up in the database, and over-long lists."""
    group = "config"
    for key, nul, surrogate in (
        ("ignore", ["DF003\x00"], ["\ud800"]),
        ("enable", ["DF\x00"], ["DF\udfff"]),
        ("trusted_registries", ["docker.io\x00"], ["docker.io\ud800"]),
        ("severity", {"DF003\x00": "error"}, {"\ud800": "error"}),
        ("label_schema", {"a\x00b": "text"}, {"\ud800": "text"}),
        ("today", "2026-01-01\x00", "\ud800"),
    ):
        yield dockerfile(group, f"{key}-nul", "FROM python:latest\n", config={key: nul})
        yield dockerfile(group, f"{key}-lone-surrogate", "FROM python:latest\n", config={key: surrogate})
    yield dockerfile(group, "filename-nul", BASE, filename="Dockerfile\x00")
    yield dockerfile(group, "filename-lone-surrogate", BASE, filename="Dockerfile\ud800")
    yield analysis(group, "kind-lone-surrogate", BASE, kind="dockerfile\ud800")
    yield dockerfile(group, "content-nul", BASE + "# \x00\n")
    yield dockerfile(group, "content-lone-surrogate", BASE + "LABEL x=\ud800\n")
    yield dockerfile(group, "ignore-40000-ids", BASE, config={"ignore": [f"X{i}" for i in range(40000)]})
    yield dockerfile(group, "enable-40000-ids", BASE, config={"enable": [f"X{i}" for i in range(40000)]})
    yield dockerfile(group, "severity-25000-ids", BASE, config={"severity": {f"X{i}": "error" for i in range(25000)}})
    yield dockerfile(group, "ignore-one-250kb-id", BASE, config={"ignore": ["A" * 250_000]})
    schema = {f"l{i}": "text" for i in range(25000)}
    yield dockerfile(group, "label-schema-25000-labels", BASE, config={"label_schema": schema})
    yield dockerfile(group, "label-schema-250kb-name", BASE, config={"label_schema": {"l" * 250_000: "text"}})
    labels = "".join(f"LABEL k{i}=v\n" for i in range(10000))
    yield dockerfile(
        group,
        "strict-labels-10000",
        BASE + labels,
        config={"strict_labels": True, "label_schema": {f"s{i}": "text" for i in range(10000)}},
    )
    registries = [f"r{i}.example.com" for i in range(20000)]
    yield dockerfile(
        group,
        "trusted-registries-20000-x-50-stages",
        "".join(f"FROM quay.io/a/b:1 AS s{i}\n" for i in range(50)),
        config={"trusted_registries": registries},
    )
    yield dockerfile(
        group,
        "trusted-registries-2000-x-2000-stages",
        "".join(f"FROM quay.io/a/b:1 AS s{i}\n" for i in range(2000)),
        config={"trusted_registries": registries[:2000]},
    )
    wildcards = ["*a" * 100 + f"b{i}" for i in range(1000)]
    yield dockerfile(
        group,
        "trusted-registries-1000-wildcards-x-500-stages",
        "".join(f"FROM {'a' * 200}.io/x:1 AS s{i}\n" for i in range(500)),
        config={"trusted_registries": wildcards},
    )
    # The largest config the API accepts (500 items of 256 characters on 24bc0d2), with content that makes the
    # engine use all of it.
    at_limit = [f"{'r' * 240}{i:03d}.example.com" for i in range(500)]
    yield dockerfile(
        group,
        "trusted-registries-500-longest-x-1000-stages",
        "".join(f"FROM quay.io/a/b:1 AS s{i}\n" for i in range(1000)),
        config={"trusted_registries": at_limit},
    )
    wildcards = ["*a" * 126 + f"b{i:03d}" for i in range(500)]
    yield dockerfile(
        group,
        "trusted-registries-500-wildcards-x-1000-stages",
        "".join(f"FROM {'a' * 100}.io/x:1 AS s{i}\n" for i in range(1000)),
        config={"trusted_registries": wildcards},
    )
    schema = {
        f"{'l' * 250}{i:03d}": ("text", "url", "semver", "hash", "rfc3339", "spdx", "email")[i % 7] for i in range(500)
    }
    labels = "".join(f"LABEL {name}={'1.0.0-' + 'a' * 200}\n" for name in schema)
    yield dockerfile(
        group, "label-schema-500-longest", BASE + labels, config={"label_schema": schema, "strict_labels": True}
    )
    ids = [f"DF{i:03d}" for i in range(500)]
    yield dockerfile(
        group,
        "ignore-enable-severity-500-each",
        "FROM python:latest\n" * 2000,
        config={"ignore": ids, "enable": ids, "severity": {rule_id: "error" for rule_id in ids}},
    )
    duplicates = b", ".join([b'"ignore": ["DF003"]'] * 25000)
    yield raw(group, "duplicate-keys-25000", b'{"content": "FROM python:latest\\n", "config": {' + duplicates + b"}}")


def yaml_bombs() -> Iterator[HostileInput]:
    """Compose files: alias bombs, merge keys, deep nesting, many anchors, tags and documents."""
    group = "yaml-bomb"
    service = "services:\n  a:\n    image: alpine:3.19\n"
    laughs = ["x-l0: &l0 [" + ", ".join(['"lol"'] * 9) + "]"]
    laughs += [f"x-l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 10)]
    yield compose(group, "billion-laughs-sequences", "\n".join(laughs) + "\n" + service + "    command: *l9\n")
    maps = ["x-m0: &m0 {" + ", ".join(f"a{j}: lol" for j in range(9)) + "}"]
    maps += [f"x-m{i}: &m{i} {{" + ", ".join(f"a{j}: *m{i - 1}" for j in range(9)) + "}" for i in range(1, 10)]
    yield compose(group, "billion-laughs-mappings", "\n".join(maps) + "\n" + service + "    labels: *m9\n")
    merges = ["x-m0: &m0 {k0: v}"] + [f"x-m{i}: &m{i} {{<<: *m{i - 1}, k{i}: v}}" for i in range(1, 2000)]
    yield compose(group, "merge-key-chain-2000", "\n".join(merges) + "\n" + service + "    labels: *m1999\n")
    base = "x-base: &base {" + ", ".join(f"k{i}: v" for i in range(5000)) + "}\n"
    services = "".join(f"  s{i}:\n    <<: *base\n    image: alpine:3.19\n" for i in range(3000))
    yield compose(group, "merge-key-5000-keys-x-3000-services", base + "services:\n" + services)
    merge_list = "[" + ", ".join(["*base"] * 20000) + "]"
    yield compose(group, "merge-key-list-20000-aliases", base + service + f"    labels:\n      <<: {merge_list}\n")
    for depth in (10000, 120000):
        yield compose(
            group, f"flow-sequence-nest-{depth}", service + "    command: " + _nest("[", "a", "]", depth) + "\n"
        )
    yield compose(group, "flow-mapping-nest-40000", service + "    labels: " + _nest("{a: ", "1", "}", 40000) + "\n")
    block = "".join(" " * i + "a:\n" for i in range(700))
    yield compose(group, "block-mapping-nest-700", "x-deep:\n" + " " + block.replace("\n", "\n ").rstrip(" ") + service)
    scalar = "s" * 100_000
    aliases = "".join(f"x-{i}: *s\n" for i in range(1000))
    yield compose(group, "alias-100kb-scalar-x1000", f'x-s: &s "{scalar}"\n{aliases}{service}')
    environment = "x-env: &env\n" + "".join(f'  V{i}: "${{X{i}:-${{Y{i}:-z}}}}"\n' for i in range(100))
    services = "".join(f"  s{i}:\n    image: alpine:3.19\n    environment: *env\n" for i in range(2000))
    yield compose(group, "interpolated-env-alias-x2000", environment + "services:\n" + services)
    yield compose(group, "anchors-12000", "".join(f"x-a{i}: &a{i} v\n" for i in range(12000)) + service)
    yield compose(group, "tags-13000", "".join(f"x-t{i}: !!str v\n" for i in range(13000)) + service)
    yield compose(group, "documents-60000", service + "---\n" * 60000)
    yield compose(group, "unclosed-quote-200kb", 'services:\n  a:\n    image: "' + "a" * GIANT + "\n")


def json_bodies() -> Iterator[HostileInput]:
    """Request bodies that are not what the API expects, and the size limits."""
    group = "json-body"
    yield raw(group, "array", b"[]")
    yield raw(group, "string-500kb", b'"' + b"a" * 500_000 + b'"')
    yield raw(group, "number", b"12345")
    yield raw(group, "null", b"null")
    yield raw(group, "nan", b'{"content": NaN}')
    yield raw(group, "infinity-in-config", b'{"content": "FROM alpine:3.19\\n", "config": {"today": Infinity}}')
    yield raw(group, "float-1e999-in-config", b'{"content": "FROM alpine:3.19\\n", "config": {"today": 1e999}}')
    yield raw(group, "integer-200000-digits", b'{"content": ' + b"9" * GIANT + b"}")
    yield raw(group, "content-array-100000", b'{"content": [' + b",".join([b"1"] * 100000) + b"]}")
    unknown = b", ".join(b'"f%d": 0' % i for i in range(40000))
    yield raw(group, "unknown-fields-40000", b'{"content": "FROM alpine:3.19\\n", ' + unknown + b"}")
    yield raw(
        group, "duplicate-content-keys-12000", b"{" + b", ".join([b'"content": "FROM alpine:3.19\\n"'] * 12000) + b"}"
    )
    yield raw(group, "key-500kb", b'{"' + b"k" * 500_000 + b'": 1}')
    yield raw(group, "unicode-escapes-80000", b'{"content": "FROM alpine:3.19\\n#' + b"\\u0041" * 80000 + b'"}')
    yield raw(group, "whitespace-500kb", b" " * 500_000 + b'{"content": "FROM alpine:3.19\\n"}')
    yield raw(group, "text-plain", b"FROM alpine:3.19\n", content_type="text/plain")
    yield raw(
        group, "form-urlencoded-500kb", b"content=" + b"a" * 500_000, content_type="application/x-www-form-urlencoded"
    )
    at_limit = BASE + "#" * (MAX_CONTENT_BYTES - len(BASE) - 1) + "\n"
    yield dockerfile(group, "content-at-limit", at_limit)
    yield dockerfile(group, "content-limit-plus-1", at_limit + "#", over=True)
    yield dockerfile(group, "content-300kb", BASE + "#" * 300_000 + "\n", over=True)
    chunked = _json({"content": BASE + "#" * 600_000})
    yield raw(group, "chunked-600kb", chunked, chunked=True, over=True)
    yield raw(group, "body-2mb", _json({"content": BASE + "#" * 2_000_000}), over=True)


def encodings() -> Iterator[HostileInput]:
    """Bytes that are not UTF-8, and Unicode that line counting or columns may get wrong."""
    group = "utf8"
    for name, junk in (
        ("invalid-byte-ff", b"\xff\xfe"),
        ("truncated-multibyte", b"\xe2\x82"),
        ("overlong-slash", b"\xc0\xaf"),
        ("encoded-surrogate", b"\xed\xa0\x80"),
    ):
        yield raw(group, name, b'{"content": "FROM alpine:3.19\\n# ' + junk + b'"}')
    yield raw(group, "invalid-500kb", b'{"content": "' + b"\xff" * 500_000 + b'"}')
    yield raw(group, "byte-order-mark", b'\xef\xbb\xbf{"content": "FROM alpine:3.19\\n"}')
    yield raw(group, "utf-16", '{"content": "FROM alpine:3.19\\n"}'.encode("utf-16"))
    yield dockerfile(group, "emoji-60000", f'{BASE}LABEL x="{"😀" * 60000}"\n')
    separators = "FROM alpine:3.19\u2028RUN echo hi\u2029USER x\x85CMD y\x1cENV a=b\x1dLABEL c=d\x1eEXPOSE 1\n"
    yield dockerfile(group, "unicode-line-separators-x3000", separators * 3000)
    separated = "services:\u2028  a:\u2029    image: x\x85"
    yield compose(
        group, "compose-unicode-line-separators-x6000", "services:\n  a:\n    image: alpine:3.19\n" + separated * 6000
    )
    yield dockerfile(group, "carriage-returns-only-x8000", "FROM alpine:3.19\rRUN echo\r" * 8000)
    yield dockerfile(group, "combining-marks-100000", f"{BASE}LABEL x=a{chr(0x301) * 100000}\n")
    yield dockerfile(group, "zero-width-in-keywords", "F\u200bROM alpine:3.19\n" + "R\u200bUN echo\n" * 15000)
    names = "".join(f"ARG ä{i}=1\n" for i in range(8000))
    yield dockerfile(group, "unicode-arg-names-8000", names + "FROM alpine:${ä7999}\n")
    controls = (f"RUN echo {'x' * 200}\x01\n") * 900
    yield dockerfile(group, "control-chars-under-threshold", BASE + controls)


def giant_lines() -> Iterator[HostileInput]:
    """One 200 KB line in every instruction, and the characters parsers treat specially."""
    group = "giant-line"
    a = "a" * GIANT
    for name, line in (
        ("run", f"RUN echo {a}"),
        ("label-value", f'LABEL x="{a}"'),
        ("label-key", f"LABEL {a}=x"),
        ("from-image", f"FROM {a}"),
        ("from-tag", f"FROM alpine:{a}"),
        ("comment", f"# {a}"),
        ("env", f"ENV X={a}"),
        ("arg-name", f"ARG {'A' * GIANT}=1"),
        ("copy", f"COPY {a} /dst/"),
        ("expose", f"EXPOSE {'1' * GIANT}"),
        ("healthcheck", f"HEALTHCHECK CMD {a}"),
        ("user", f"USER {a}"),
        ("workdir", f"WORKDIR /{a}"),
        ("flags", "COPY " + "--chown=a " * 20000 + "a b"),
        ("spaces", "RUN" + " " * GIANT + "x"),
        ("tabs", "RUN" + "\t" * GIANT + "x"),
        ("dollars", "RUN echo " + "$" * GIANT),
        ("double-quotes", "RUN echo " + '"' * GIANT),
        ("single-quotes", "ENV X=" + "'" * GIANT),
        ("backslashes", "ENV X=" + "\\" * GIANT),
        ("braces", "ENV X=" + "${" * 100_000),
    ):
        content = line + "\n" if name.startswith("from") else f"{BASE}{line}\n"
        yield dockerfile(group, name, content)
    yield dockerfile(group, "continuations-20000", BASE + "RUN echo \\\n" * 20000 + " done\n")
    yield dockerfile(group, "escape-directive-backticks", "# escape=`\n" + BASE + "RUN echo " + "`" * GIANT + "\n")
    yield compose(group, "compose-scalar", f"services:\n  a:\n    image: alpine:3.19\n    command: {a}\n")
    yield compose(group, "compose-key", f"services:\n  a:\n    image: alpine:3.19\n    labels:\n      {a}: x\n")
    yield compose(group, "compose-comment", f"# {a}\nservices:\n  a:\n    image: alpine:3.19\n")
    yield analysis(group, "undetected-kind", a + "\n")


def many_findings() -> Iterator[HostileInput]:
    """Thousands of lines that each trigger rules (and /fixed applying all their fixes)."""
    group = "many-findings"
    for name, line, count in (
        ("from-latest-12000", "FROM python:latest", 12000),
        ("apt-get-install-8000", "RUN apt-get install curl", 8000),
        ("maintainer-19000", "MAINTAINER x", 19000),
        ("expose-invalid-19000", "EXPOSE 99999", 19000),
        ("cmd-shell-form-40000", "CMD x", 40000),
        ("sudo-cd-15000", "RUN sudo cd /x", 15000),
        ("lowercase-keywords-20000", "run echo", 20000),
    ):
        yield dockerfile(group, name, "".join(line + "\n" for _ in range(count)))
    yield dockerfile(group, "apt-get-distinct-6000", BASE + "".join(f"RUN apt-get install p{i}\n" for i in range(6000)))
    yield dockerfile(group, "unquoted-variables-30000", BASE + "RUN echo" + " $a" * 30000 + "\n")
    pragmas = "# hadolint ignore=DL3006\nFROM python:latest\n" * 5000
    yield dockerfile(group, "pragmas-5000", pragmas)
    services = "".join(f"  s{i}:\n    image: x{i}\n    privileged: true\n" for i in range(5000))
    yield compose(group, "compose-services-5000", "services:\n" + services)
    ports = "".join(f"      - {1000 + i}:{1000 + i}\n" for i in range(12000))
    yield compose(group, "compose-ports-12000", "services:\n  a:\n    image: alpine:3.19\n    ports:\n" + ports)
    secrets = "".join(f"      PASSWORD{i}: hunter{i}\n" for i in range(7000))
    yield compose(
        group, "compose-secrets-7000", "services:\n  a:\n    image: alpine:3.19\n    environment:\n" + secrets
    )


def regex_backtracking() -> Iterator[HostileInput]:
    """Each regular expression that reads user text, fed a long run of what it repeats and a failing tail."""
    group = "regex"
    n, quadratic_n = GIANT, 20_000
    dockerfile_lines = {
        # pragmas._CHECK_SKIP: a lazy id list followed by `\s*(;|$)` backtracks over a run of spaces.
        "pragma-check-skip-spaces-20k": "# check=skip=a" + " " * quadratic_n + "!",
        "pragma-check-skip-spaces-200k": "# check=skip=a" + " " * n + "!",
        # pragmas._PRAGMA and _SHELLCHECK_CODE.
        "pragma-spaces": "# hadolint" + " " * n + "x",
        "pragma-ids": "# hadolint ignore=" + "DL3007," * 28000,
        "pragma-shellcheck-codes": "# hadolint ignore=" + "SC1234 " * 28000,
        # dockerfile.parser._HEREDOC_WORD, _KEYWORD, _SEPARATOR.
        "heredoc-word-digits": "RUN cat " + "1" * n + "<",
        "heredoc-markers": "RUN cat " + "<<EOF " * 30000,
        "keyword-separator-vtabs": "RUN" + "\v" * 80_000 + "x",  # JSON escapes each as \\u000b
        # dockerfile.scopes._STAGE_NAME, variables._NAME.
        "stage-name": "FROM alpine:3.19 AS " + "a" * n + "!",
        "variable-name": "ENV X=${" + "a" * n + "!}",
        # dockerfile.queries: _PIP_PROGRAM, _PYTHON_PROGRAM, the package-name split.
        "pip-program": "RUN pip3." + "1" * n + "x install flask",
        "python-program": "RUN python3." + "1" * n + "x -m pip install flask",
        "package-name": "RUN pip install " + "a" * n + "==",
        # rules: DF005 root-default repositories, DF024 secret names and values, DF105, DF074, DF075/DF021,
        # DF016 manifests (fnmatch), DF066 yum versions, DF019 remote ADD, DF033 image reference.
        "df005-ubi-digits": "FROM ubi" + "1" * n + "x",
        "df005-path-slashes": "FROM a/" + "a/" * 100_000 + "b",
        "df024-secret-name": "ARG " + "_key" * 50_000 + "x=1",
        "df024-private-key": "ENV X=-----BEGIN " + "A" * n,
        "df024-github-tokens": "ENV X=" + "ghp_" * 50_000,
        "df105-references": "RUN echo " + "$a" * 100_000,
        "df074-self-reference": "ENV A=" + "${A" * 66_000,
        "df021-windows-workdir": "WORKDIR " + "a:" * 100_000,
        "df075-copy-destination": "COPY a " + "C:" * 100_000,
        "df016-manifest-names": "COPY " + "package" * 28_000 + ".json /app/",
        "df066-yum-versions": "RUN yum install -y " + "-" * n,
        "df019-remote-add": "ADD " + "a" * n + " /x",
        "df033-reference-255": "ARG IMG=" + "a-" * 127 + "!\nFROM ${IMG}",
        # data.eol: _VERSION and _ALPINE_SUFFIX.
        "eol-alpine-suffix": "FROM python:3.12-alpine" + "1" * n,
        "eol-version-dots": "FROM python:" + "1." * 100_000,
        # shellcheck._NAME on the names exported before a script.
        "shellcheck-export-name": "ARG " + "a" * n + "!=1\nRUN echo",
    }
    for name, line in dockerfile_lines.items():
        content = line + "\n" if line.startswith(("FROM", "ARG IMG")) else f"{BASE}{line}\n"
        yield dockerfile(group, name, content)
    labels = {
        "label-key": (f"LABEL a{'.a' * 100_000}!=x", {}),
        "label-semver": (f"LABEL v=1.0.0-{'1' * n}!", {"v": "semver"}),
        "label-email": (f"LABEL m=a@{'a-' * 100_000}!", {"m": "email"}),
        "label-url": (f"LABEL u=http://{'a' * n}", {"u": "url"}),
        "label-rfc3339": (f"LABEL d=2026-01-01T00:00:00.{'1' * n}", {"d": "rfc3339"}),
        "label-hash": (f"LABEL h={'a' * n}", {"h": "hash"}),
        "label-spdx-or-chain": (f"LABEL s={'MIT OR ' * 28_000}!", {"s": "spdx"}),
    }
    for name, (line, schema) in labels.items():
        yield dockerfile(group, name, f"{BASE}{line}\n", config={"label_schema": schema} if schema else None)
    service = "services:\n  a:\n    image: alpine:3.19\n"
    compose_files = {
        # rules.compose.hard_coded_secret._URL_CREDENTIALS: a scheme that never reaches `://`.
        "compose-url-credentials-20k": f"{service}    environment:\n      X: {'a' * quadratic_n}\n",
        "compose-url-credentials-200k": f"{service}    environment:\n      X: {'a' * n}\n",
        "compose-secret-name": f"{service}    environment:\n      {'_PASS' * 40_000}x: v\n",
        "compose-port-range": f"{service}    ports:\n      - '{'1' * n}x:80'\n",
        "compose-build-context": f"services:\n  a:\n    build: {'a' * n}\n",
        "compose-volume-path": f"{service}    volumes:\n      - {'C:' * 100_000}:/x\n",
        "compose-container-name": f"{service}    container_name: {'a' * n}!\n",
        "compose-extension-key": f"x{'-' * n}: 1\n{service}",
        "compose-service-name-digits": f"services:\n  s{'1' * n}:\n    image: alpine:3.19\n",
        "compose-float-scalar": f"{service}    cpus: {'1' * n}x\n",
        "compose-key-spaces": f"{service}    labels:\n      a{' ' * n}: x\n",
        "compose-interpolation-name": f'{service}    command: "${{{"A" * n}!}}"\n',
    }
    for name, text in compose_files.items():
        yield compose(group, name, text)
    # detect._INSTRUCTION (`^\s*(FROM|...)` with MULTILINE) once a compose key is found: every blank line
    # starts a scan over all the whitespace after it. The kind is left to detection.
    for size in (quadratic_n, n):
        yield analysis(group, f"detect-blank-lines-{size // 1000}k", "services:\n" + "\n" * size + "x\n")


def sign_in_bursts() -> Iterator[HostileInput]:
    """Password guessing from one address: the same account, many accounts, the longest passwords."""
    group = "login"

    def attempt(name: str, client: str, username: str, password: str, over: bool = False) -> HostileInput:
        body = _json({"username": username, "password": password})
        return raw(group, name, body, path=SESSION, client=client, over=over)

    for i in range(12):
        yield attempt(f"same-user-{i + 1:02d}", "login-same-user", "admin", f"guess-{i}")
    for i in range(12):
        yield attempt(f"many-users-{i + 1:02d}", "login-many-users", f"user{i}", "guess")
    for i in range(3):
        yield attempt(f"longest-password-{i + 1}", "login-long", "u" * 150, "p" * 1023 + str(i))
    yield attempt("password-100kb", "login-huge", "admin", "p" * 100_000)
