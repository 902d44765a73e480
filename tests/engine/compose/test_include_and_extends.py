"""`include` and `extends` pull services from other files: the project, not the lone file, is judged.

Every case writes real files into a temporary folder and lints `compose.yaml` through the full pipeline,
reading the other files the way the CLI does (RelativeFiles); a few cases pass the files as a dict, as an
API caller would, or none at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from dockwright.cli import main
from dockwright.cli.sources import RelativeFiles
from dockwright.compose.merge import merge
from dockwright.compose.nodes import Mapping as MappingNode
from dockwright.compose.nodes import Scalar, Sequence
from dockwright.compose.parser import parse_compose
from dockwright.findings import Finding
from dockwright.lint import lint

CONFIG = {"today": "2026-11-28", "shellcheck": False}

# A base project file: a healthy, hardened service and one resource of each kind.
DB = (
    "services:\n"
    "  db:\n"
    "    image: postgres:17.2\n"
    "    restart: unless-stopped\n"
    "    healthcheck:\n"
    "      test: [CMD, pg_isready]\n"
    "    security_opt: [no-new-privileges:true]\n"
    "networks:\n"
    "  backend:\n"
    "volumes:\n"
    "  pgdata:\n"
    "secrets:\n"
    "  token:\n"
    "    file: ./token.txt\n"
    "configs:\n"
    "  conf:\n"
    "    file: ./app.conf\n"
)
# The `web` service of compose.yaml, waiting for `{name}`.
WEB = "services:\n  web:\n    image: nginx:1.29.3\n    depends_on:\n      {name}:\n        condition: service_healthy\n"


def web(include: str, name: str = "db") -> str:
    """compose.yaml: ``include`` (YAML text, may be empty) then the `web` service waiting for ``name``."""
    return include + WEB.format(name=name)


def write(folder: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def lint_project(folder: Path, files: Mapping[str, str], target: str = "compose.yaml") -> list[Finding]:
    """Write ``files`` under ``folder`` and lint ``target`` with the files next to it, as the CLI does."""
    write(folder, files)
    path = folder / target
    return lint(
        path.read_text(), kind="compose", filename=target, config=CONFIG, files=RelativeFiles(path.parent)
    ).findings


def positions(findings: list[Finding], rule: str) -> list[tuple[int, int]]:
    return [(f.line, f.column) for f in findings if f.rule == rule]


def assert_no_crash(findings: list[Finding]) -> None:
    assert not [f for f in findings if "internal error" in f.message], findings


# --- include -------------------------------------------------------------------------------------------

# (case, files, positions of DC006 findings in compose.yaml)
INCLUDE_CASES = [
    ("short form", {"compose.yaml": web("include:\n  - db.yaml\n"), "db.yaml": DB}, []),
    ("long form, path", {"compose.yaml": web("include:\n  - path: db.yaml\n"), "db.yaml": DB}, []),
    (
        "long form, path list",
        {"compose.yaml": web("include:\n  - path: [other.yaml, db.yaml]\n"), "db.yaml": DB, "other.yaml": "{}\n"},
        [],
    ),
    (
        "long form, project_directory and env_file",
        {
            "compose.yaml": web(
                "include:\n  - path: stack/db.yaml\n    project_directory: stack\n    env_file: stack/db.env\n"
            ),
            "stack/db.yaml": DB,
            "stack/db.env": "TAG=17\n",
        },
        [],
    ),
    (
        "nested include, relative to the including file",
        {
            "compose.yaml": web("include:\n  - stack/compose.yaml\n"),
            "stack/compose.yaml": "include:\n  - ../db.yaml\nservices:\n  cache:\n    image: redis:7.4\n",
            "db.yaml": DB,
        },
        [],
    ),
    (
        "include cycle",
        {
            "compose.yaml": web("include:\n  - a.yaml\n"),
            "a.yaml": "include:\n  - b.yaml\n  - compose.yaml\n",
            "b.yaml": "include:\n  - a.yaml\n" + DB,
        },
        [],
    ),
    ("a typo is still reported", {"compose.yaml": web("include:\n  - db.yaml\n", "dbb"), "db.yaml": DB}, [(7, 7)]),
    (
        "a typo behind a nested include is still reported",
        {
            "compose.yaml": web("include:\n  - a.yaml\n", "dbb"),
            "a.yaml": "include:\n  - db.yaml\n",
            "db.yaml": DB,
        },
        [(7, 7)],
    ),
    # An included file that cannot be read may define any name: nothing is reported.
    ("missing include file", {"compose.yaml": web("include:\n  - missing.yaml\n", "anything")}, []),
    (
        "missing nested include",
        {"compose.yaml": web("include:\n  - a.yaml\n", "x"), "a.yaml": "include: [b.yaml]\n"},
        [],
    ),
    ("include outside the folder", {"compose.yaml": web("include:\n  - ../db.yaml\n", "dbb")}, []),
    ("remote include", {"compose.yaml": web("include:\n  - oci://example.com/stack:1\n", "dbb")}, []),
    ("include with an unset variable", {"compose.yaml": web("include:\n  - ${STACK}/db.yaml\n", "dbb")}, []),
    ("include of invalid YAML", {"compose.yaml": web("include:\n  - db.yaml\n", "x"), "db.yaml": "a: [\n"}, []),
    ("malformed include entry", {"compose.yaml": web("include:\n  - project_directory: x\n", "x")}, []),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in INCLUDE_CASES], ids=[c[0] for c in INCLUDE_CASES])
def test_included_services_count_as_defined(tmp_path: Path, files: dict[str, str], expected: list) -> None:
    project = tmp_path / "project"
    write(tmp_path, {"db.yaml": DB})  # next to the project folder: outside it, never read
    findings = lint_project(project, files)
    assert_no_crash(findings)
    assert positions(findings, "DC006") == expected


USES = (
    "include:\n  - db.yaml\n"
    "services:\n"
    "  app:\n"
    "    image: example/app:1.0\n"
    "    networks: [backend]\n"
    "    volumes:\n      - pgdata:/data\n"
    "    secrets: [token]\n"
    "    configs: [conf]\n"
)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"compose.yaml": USES, "db.yaml": DB}, []),
        ({"compose.yaml": USES.replace("[backend]", "[frontend]"), "db.yaml": DB}, [(6, 16)]),
        ({"compose.yaml": USES}, []),  # db.yaml absent: it may declare them all
        ({"compose.yaml": USES.replace("[backend]", "[frontend]")}, []),
    ],
    ids=["declared in the included file", "typo", "include missing", "include missing, typo"],
)
def test_included_resources_count_as_declared(tmp_path: Path, files: dict[str, str], expected: list) -> None:
    assert positions(lint_project(tmp_path, files), "DC007") == expected


def test_included_service_healthcheck_asks_for_a_health_condition(tmp_path: Path) -> None:
    compose = "include:\n  - db.yaml\nservices:\n  web:\n    image: nginx:1.29.3\n    depends_on: [db]\n"
    findings = lint_project(tmp_path, {"compose.yaml": compose, "db.yaml": DB})
    assert positions(findings, "DC032") == [(6, 18)]
    assert positions(findings, "DC006") == []


def test_included_files_are_not_linted_through_the_including_file(tmp_path: Path) -> None:
    bad = "services:\n  db:\n    image: postgres:latest\n    privileged: true\n"
    findings = lint_project(tmp_path, {"compose.yaml": web("include:\n  - db.yaml\n"), "db.yaml": bad})
    assert positions(findings, "DC019") == []
    assert positions(findings, "DC026") == []


def test_files_may_be_passed_as_a_dict(tmp_path: Path) -> None:
    text = web("include:\n  - ./stack/db.yaml\n", "dbb")
    with_file = lint(text, kind="compose", config=CONFIG, files={"./stack/db.yaml": DB}).findings
    without = lint(text, kind="compose", config=CONFIG).findings
    assert positions(with_file, "DC006") == [(7, 7)]
    assert positions(without, "DC006") == []


# --- extends -------------------------------------------------------------------------------------------

BASE = (
    "services:\n  db:\n    image: postgres:17.2\n    restart: unless-stopped\n"
    "    security_opt: [no-new-privileges:true]\n"
)
# A worker in compose.yaml whose `extends` block is {extends}; its key is on line 3, column 3.
WORKER = "name: app\nservices:\n  worker:\n{extends}"


def worker(extends: str, extra: str = "") -> str:
    return WORKER.format(extends=extends) + extra


SAME_FILE_BASE = (
    "  base:\n    image: example/base:1.0\n    restart: always\n    security_opt: [no-new-privileges:true]\n"
)

# (case, files, DC030 positions, DC033 positions) for compose.yaml
EXTENDS_CASES = [
    ("no extends: reported", {"compose.yaml": worker("    image: example/worker:1.0\n")}, [(3, 3)], [(3, 3)]),
    (
        "same file",
        {"compose.yaml": worker("    extends: base\n", SAME_FILE_BASE)},
        [],
        [],
    ),
    (
        "same file, long form",
        {"compose.yaml": worker("    extends:\n      service: base\n", SAME_FILE_BASE)},
        [],
        [],
    ),
    (
        "other file",
        {"compose.yaml": worker("    extends:\n      file: db.yaml\n      service: db\n"), "db.yaml": BASE},
        [],
        [],
    ),
    (
        "other file in a subfolder",
        {"compose.yaml": worker("    extends:\n      file: ./lib/db.yaml\n      service: db\n"), "lib/db.yaml": BASE},
        [],
        [],
    ),
    (
        "chain across files, each relative to its own",
        {
            "compose.yaml": worker("    extends:\n      file: lib/mid.yaml\n      service: mid\n"),
            "lib/mid.yaml": "services:\n  mid:\n    extends:\n      file: ../db.yaml\n      service: db\n",
            "db.yaml": BASE,
        },
        [],
        [],
    ),
    (
        "base lacks the settings: reported at the extending service",
        {
            "compose.yaml": worker("    extends:\n      file: db.yaml\n      service: db\n"),
            "db.yaml": "services:\n  db:\n    image: postgres:17.2\n",
        },
        [(3, 3)],
        [(3, 3)],
    ),
    (
        "own security_opt appends to the base's",
        {
            "compose.yaml": worker(
                "    extends:\n      file: db.yaml\n      service: db\n    security_opt: [label:disable]\n"
            ),
            "db.yaml": BASE,
        },
        [],
        [],
    ),
    (
        "!reset drops the inherited setting: reported at the key",
        {
            "compose.yaml": worker(
                "    extends:\n      file: db.yaml\n      service: db\n"
                "    security_opt: !reset []\n    restart: !reset null\n"
            ),
            "db.yaml": BASE,
        },
        [(7, 5)],
        [(3, 3)],
    ),
    # A base that cannot be read may set anything: nothing is reported.
    (
        "missing extends file",
        {"compose.yaml": worker("    extends:\n      file: gone.yaml\n      service: db\n")},
        [],
        [],
    ),
    (
        "extends file outside the folder",
        {"compose.yaml": worker("    extends:\n      file: ../db.yaml\n      service: db\n")},
        [],
        [],
    ),
    (
        "missing file at the end of a chain",
        {
            "compose.yaml": worker("    extends:\n      file: mid.yaml\n      service: mid\n"),
            "mid.yaml": "services:\n  mid:\n    extends:\n      file: gone.yaml\n      service: db\n",
        },
        [],
        [],
    ),
    (
        "cycle",
        {"compose.yaml": worker("    extends: other\n", "  other:\n    extends: worker\n    image: example/o:1.0\n")},
        [],
        [],
    ),
    ("extends itself", {"compose.yaml": worker("    extends: worker\n")}, [], []),
    (
        "base from an included file",
        {
            "compose.yaml": "include: [db.yaml]\n" + worker("    extends: db\n").removeprefix("name: app\n"),
            "db.yaml": BASE,
        },
        [],
        [],
    ),
]


@pytest.mark.parametrize(("files", "dc030", "dc033"), [c[1:] for c in EXTENDS_CASES], ids=[c[0] for c in EXTENDS_CASES])
def test_extended_settings_are_inherited(tmp_path: Path, files: dict[str, str], dc030: list, dc033: list) -> None:
    project = tmp_path / "project"
    write(tmp_path, {"db.yaml": "services:\n  db:\n    image: postgres:17.2\n"})  # outside: never read
    findings = lint_project(project, files)
    assert_no_crash(findings)
    assert positions(findings, "DC030") == dc030
    assert positions(findings, "DC033") == dc033
    # Whatever the other files hold, every finding points into compose.yaml.
    assert all(f.span.end_line <= len(files["compose.yaml"].splitlines()) for f in findings)


def test_extends_base_missing_from_a_read_file_is_an_undefined_service(tmp_path: Path) -> None:
    compose = worker("    extends:\n      file: db.yaml\n      service: dbx\n")
    findings = lint_project(tmp_path, {"compose.yaml": compose, "db.yaml": BASE})
    assert positions(findings, "DC006") == [(6, 16)]
    assert "which db.yaml does not define" in next(f.message for f in findings if f.rule == "DC006")


def test_extends_of_an_unreadable_file_is_not_judged(tmp_path: Path) -> None:
    compose = worker("    extends:\n      file: gone.yaml\n      service: dbx\n")
    assert positions(lint_project(tmp_path, {"compose.yaml": compose}), "DC006") == []


def test_inherited_healthcheck_and_ports_make_a_service_long_running_and_healthy(tmp_path: Path) -> None:
    base = (
        "services:\n  api:\n    image: example/api:1.0\n    ports: ['127.0.0.1:8080:80']\n"
        "    healthcheck:\n      test: [CMD, /health]\n"
    )
    compose = worker("    extends:\n      file: base.yaml\n      service: api\n    restart: always\n")
    findings = lint_project(tmp_path, {"compose.yaml": compose, "base.yaml": base})
    assert positions(findings, "DC031") == []
    no_healthcheck = base.replace("    healthcheck:\n      test: [CMD, /health]\n", "")
    findings = lint_project(tmp_path, {"compose.yaml": compose, "base.yaml": no_healthcheck})
    assert positions(findings, "DC031") == [(3, 3)]


def test_inherited_limits_count_for_replicas(tmp_path: Path) -> None:
    base = (
        "services:\n  api:\n    image: example/api:1.0\n    deploy:\n      resources:\n        limits: {memory: 256M}\n"
    )
    compose = worker("    extends:\n      file: base.yaml\n      service: api\n    deploy:\n      replicas: 3\n")
    assert positions(lint_project(tmp_path, {"compose.yaml": compose, "base.yaml": base}), "DC035") == []
    bare = "services:\n  api:\n    image: example/api:1.0\n"
    assert positions(lint_project(tmp_path, {"compose.yaml": compose, "base.yaml": bare}), "DC035") == [(8, 17)]


def test_inherited_bad_values_are_reported_in_their_own_file(tmp_path: Path) -> None:
    base = "services:\n  api:\n    image: example/api:latest\n    privileged: true\n"
    compose = worker("    extends:\n      file: base.yaml\n      service: api\n")
    findings = lint_project(tmp_path, {"compose.yaml": compose, "base.yaml": base})
    assert positions(findings, "DC019") == []
    assert positions(findings, "DC026") == []
    in_base = lint_project(tmp_path, {}, target="base.yaml")
    assert positions(in_base, "DC019") == [(3, 12)]


def test_extends_without_files_reports_nothing_inherited() -> None:
    text = worker("    extends:\n      file: db.yaml\n      service: db\n")
    findings = lint(text, kind="compose", config=CONFIG).findings
    assert positions(findings, "DC030") == positions(findings, "DC033") == positions(findings, "DC006") == []


def test_merge_follows_compose_rules() -> None:
    base = parse_compose(
        "a: {x: 1, y: 2}\nlist: [1, 2]\ncommand: [run, a]\nhealthcheck: {test: [CMD, a], interval: 5s}\nkeep: 1\n"
    ).root
    override = parse_compose(
        "a: {y: 3}\nlist: [3]\ncommand: [run, b]\nhealthcheck: {test: [CMD, b]}\n"
        "keep: !reset null\nnew: !override [z]\n"
    ).root
    assert isinstance(base, MappingNode) and isinstance(override, MappingNode)
    merged = merge(base, override)
    assert isinstance(merged, MappingNode)

    def values(node: object) -> object:
        if isinstance(node, Scalar):
            return node.value
        if isinstance(node, Sequence):
            return [values(item) for item in node.items]
        assert isinstance(node, MappingNode)
        return {key.raw: values(value) for key, value in node.pairs}

    assert values(merged) == {
        "a": {"x": 1, "y": 3},
        "list": [1, 2, 3],
        "command": ["run", "b"],
        "healthcheck": {"test": ["CMD", "b"], "interval": "5s"},
        "new": ["z"],
    }


# --- end to end ----------------------------------------------------------------------------------------


def test_cli_lints_a_project_with_include_and_extends(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The reported bug: include and extends made DC006, DC030 and DC033 report what other files define."""
    compose = (
        "name: app\ninclude:\n  - db.yaml\nservices:\n  web:\n    image: nginx:1.29.3\n    depends_on:\n"
        "      db:\n        condition: service_healthy\n    restart: unless-stopped\n"
        "    healthcheck:\n      test: [CMD, 'true']\n    security_opt: [no-new-privileges:true]\n"
    )
    ext = (
        "name: ext\nservices:\n  worker:\n    extends:\n      file: db.yaml\n      service: db\n    depends_on: [db2]\n"
    )
    write(tmp_path, {"compose.yaml": compose, "db.yaml": DB, "ext.yaml": ext})
    code = main(
        ["lint", "--no-shellcheck", "--format", "json", str(tmp_path / "compose.yaml"), str(tmp_path / "ext.yaml")]
    )
    out = capsys.readouterr().out
    findings = {(Path(f["file"]).name, f["rule"], f["line"]) for f in json.loads(out)}
    assert ("compose.yaml", "DC006", 8) not in findings
    assert not {rule for name, rule, _ in findings if name == "ext.yaml"} & {"DC030", "DC033"}
    assert ("ext.yaml", "DC006", 7) in findings  # db2 really is undefined
    assert code == 1


# --- limits and hostile input --------------------------------------------------------------------------


def test_includes_nested_beyond_the_limit_are_treated_as_unreadable(tmp_path: Path) -> None:
    chain = {f"level{n}.yaml": f"include: [level{n + 1}.yaml]\n" for n in range(20)}
    chain["level20.yaml"] = DB
    findings = lint_project(tmp_path, {"compose.yaml": web("include: [level0.yaml]\n", "dbb"), **chain})
    assert positions(findings, "DC006") == []  # the deepest file is not read, so `dbb` may be there


def test_extends_chains_beyond_the_limit_are_treated_as_unreadable(tmp_path: Path) -> None:
    services = "".join(f"  s{n}:\n    extends: s{n + 1}\n" for n in range(30))
    compose = "services:\n" + services + "  s30:\n    image: x:1.0\n"
    findings = lint_project(tmp_path, {"compose.yaml": compose})
    assert_no_crash(findings)
    assert (2, 3) not in positions(findings, "DC033")  # s0's base is out of reach: it may restart
    assert (62, 3) in positions(findings, "DC033")  # s30 extends nothing and sets no restart


HOSTILE = [
    "include: {a: 1}\nservices:\n  a:\n    image: x:1\n",
    "include: [null, 1, [a], {path: {x: 1}}, {path: []}]\nservices:\n  a:\n    image: x:1\n",
    "include: compose.yaml\nservices:\n  a:\n    image: x:1\n",
    "include: [compose.yaml, ./compose.yaml, '', '.', /etc/passwd, 'C:\\x.yaml', '~/x.yaml']\nservices: {}\n",
    "services:\n  a:\n    extends: [a]\n  b:\n    extends: {file: [x], service: a}\n  c:\n    extends: {}\n",
    "services:\n  a:\n    extends: {file: compose.yaml, service: a}\n    image: x:1\n",
    "services:\n  a:\n    extends: {file: compose.yaml, service: b}\n"
    "  b:\n    extends: {file: ./compose.yaml, service: a}\n",
    "x: &a {extends: {service: s}}\nservices:\n  s: *a\n  t:\n    <<: *a\n    security_opt: !override [x]\n",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_references_never_crash(tmp_path: Path, text: str) -> None:
    assert_no_crash(lint_project(tmp_path, {"compose.yaml": text}))
    assert_no_crash(lint(text, kind="compose", config=CONFIG).findings)
