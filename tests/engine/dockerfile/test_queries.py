"""The query layer: which commands a rule sees, operands, package commands read through their tool's table,
clean-ups and the caches a RUN leaves in its layer."""

from __future__ import annotations

import pytest

from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.dockerfile.queries.commands import commands_of, operands, run_scripts
from dockwright.dockerfile.queries.packages import (
    APK,
    APT_GET,
    DNF,
    GEM,
    GO,
    MICRODNF,
    NPM,
    PIP,
    YARN,
    Tool,
    caches_kept,
    package_commands,
)
from dockwright.dockerfile.queries.paths import removes


def test_commands_of_a_file_include_onbuild_triggers_and_of_an_instruction_its_own() -> None:
    document = parse_dockerfile("FROM debian:12\nRUN cd /a && make\nONBUILD RUN cd /b\nCMD cd /c && run\n")
    assert [c.args[0].value for _, c in commands_of(document, "cd")] == ["/a", "/b"]
    onbuild = document.instructions[2]
    assert [(i.keyword, c.program) for i, c in commands_of(onbuild)] == [("RUN", "cd")]
    assert [c.program for _, c in commands_of(document.instructions[3])] == ["cd", "run"]


def test_shipped_runs_are_those_of_the_final_image_and_onbuild_triggers() -> None:
    document = parse_dockerfile("FROM debian:12 AS build\nRUN a\nFROM debian:12\nRUN b\nONBUILD RUN c\n")
    assert [s.text for _, s in run_scripts(document, shipped=True)] == ["b", "c"]
    assert [s.text for _, s in run_scripts(document)] == ["a", "b", "c"]


def test_operands_skip_flag_values_and_take_everything_after_double_dash() -> None:
    document = parse_dockerfile("FROM alpine\nRUN apk add --virtual .deps -t x gcc -- -weird\n")
    [(_, command)] = commands_of(document, "apk")
    words = operands(command.args, APK.value_flags)
    assert [w.value for w in words] == ["add", "gcc", "-weird"]


@pytest.mark.parametrize(
    ("run", "tool", "action", "packages"),
    [
        ("dnf -y in httpd", DNF, "install", ["httpd"]),
        ("dnf5 rei httpd", DNF, "reinstall", ["httpd"]),
        ("dnf up-min", DNF, "upgrade-minimal", []),
        ("dnf -y module install nodejs:20", DNF, "module-install", ["nodejs:20"]),
        ("dnf group install 'Development Tools'", DNF, "group-install", []),
        ("microdnf clean all", MICRODNF, "clean-all", []),
        ("python3 -u -m pip install --root-user-action ignore flask", PIP, "install", ["flask"]),
        ("python -mpip install flask", PIP, "install", ["flask"]),
        ("python3 -W ignore -m pip install flask", PIP, "install", ["flask"]),
        ("pip2 install flask", PIP, "install", ["flask"]),
        ("pip3.12 cache purge", PIP, "cache-purge", []),
        ("npm --loglevel verbose i -g serve", NPM, "install", ["serve"]),
        ("yarn --frozen-lockfile", YARN, "install", []),
        ("gem install nokogiri -- --use-system-libraries true", GEM, "install", ["nokogiri"]),
        ("go run github.com/x/gen@latest -out api.go", GO, "run", ["github.com/x/gen@latest"]),
        ("apt-get -o Dpkg::Use-Pty=0 -t bookworm install -y curl", APT_GET, "install", ["curl"]),
    ],
)
def test_a_command_is_read_through_its_tools_table(run: str, tool: Tool, action: str, packages: list[str]) -> None:
    [use] = package_commands(parse_dockerfile(f"FROM debian:12\nRUN {run}\n"), tool)
    assert use.action == action
    assert [p.value for p in use.packages] == packages


@pytest.mark.parametrize("run", ["python3 -m venv /v", "python3 -c 'import pip'", "python3 app.py -m pip", "uv pip x"])
def test_python_running_something_else_than_pip_is_not_pip(run: str) -> None:
    assert package_commands(parse_dockerfile(f"FROM debian:12\nRUN {run}\n"), PIP) == []


@pytest.mark.parametrize(
    ("rm", "removed"),
    [
        ("rm -rf /var/cache/apk/*", True),
        ("rm /var/cache/apk/*", True),
        ("rm -f /var/cache/apk/APKINDEX.tar.gz", True),
        ("rm -rf /var/cache/apk", True),
        ("rm -rf /var/cache", True),
        ("rm -rf /var/cache/*", True),
        ("rm -f /var/cache/apk", False),
        ("rm -rf /", False),
        ("rm -rf /var/cache/apks", False),
        ("rm -rf $CACHE", False),
        ("echo /var/cache/apk", False),
    ],
)
def test_rm_removes_a_directory_its_contents_or_a_parent(rm: str, removed: bool) -> None:
    [(_, command)] = commands_of(parse_dockerfile(f"FROM alpine\nRUN {rm}\n"))
    assert removes(command, "/var/cache/apk") is removed


@pytest.mark.parametrize(
    ("run", "kept"),
    [
        ("apk add x", ["apk"]),
        ("apk add --no-cache x", []),
        ("apk add x && rm -rf /var/cache/apk/*", []),
        ("rm -rf /var/cache/apk/* && apk add x", ["apk"]),
        ("dnf install -y x && dnf clean all", []),
        ("dnf clean all && dnf install -y x", ["dnf"]),
        ("dnf install -y x && microdnf clean all", ["dnf"]),
        ("dnf install -y a && dnf clean all && dnf install -y b", ["dnf"]),
    ],
)
def test_a_cache_is_kept_unless_emptied_after_it_is_filled(run: str, kept: list[str]) -> None:
    document = parse_dockerfile(f"FROM alpine\nRUN {run}\n")
    found = [use.command.program for uses in caches_kept(document, APK, DNF, MICRODNF) for use in uses]
    assert found == kept


def test_a_cache_or_tmpfs_mount_keeps_the_cache_out_also_under_onbuild() -> None:
    for mount in ("cache", "tmpfs"):
        document = parse_dockerfile(f"FROM alpine\nONBUILD RUN --mount=type={mount},target=/var/cache/apk apk add x\n")
        assert list(caches_kept(document, APK)) == []
