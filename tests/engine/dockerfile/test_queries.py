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


def test_from_sources_name_a_stage_by_name_or_number_or_else_an_image() -> None:
    from dockwright.dockerfile.queries.stages import from_sources

    document = parse_dockerfile(
        "FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\n"
        "COPY --from=quay.io/x/y:1 /c /c\nRUN --mount=type=cache,from=build,target=/d true\n"
        "RUN --mount=type=tmpfs,target=/e true\nCOPY --from=$UNSET /f /f\n"
    )
    found = [(s.stage.name if s.stage else None, s.image.raw if s.image else None) for s in from_sources(document)]
    assert found == [("build", None), ("build", None), (None, "quay.io/x/y:1"), ("build", None), (None, None)]


def test_result_stages_are_those_nothing_builds_on_or_copies_from() -> None:
    from dockwright.dockerfile.queries.stages import result_stages

    document = parse_dockerfile(
        "FROM a:1 AS base\nFROM base AS test\nFROM b:1 AS tools\nFROM base\nCOPY --from=tools /t /t\n"
    )
    assert [s.name or s.index for s in result_stages(document)] == ["test", 3]


def test_windows_images_are_known_by_their_base_image_or_shell() -> None:
    from dockwright.dockerfile.queries.stages import builds_windows_image

    def last(text: str) -> bool:
        return builds_windows_image(parse_dockerfile(text).instructions[-1])

    assert last("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER x\n")
    assert last("FROM python:3.12-windowsservercore-ltsc2022\nUSER x\n")
    assert last('FROM acme/base:1\nSHELL ["C:\\\\Windows\\\\powershell.exe", "-Command"]\nUSER x\n')
    assert last("# hadolint shell=cmd\nFROM acme/base:1\nUSER x\n")
    assert not last('FROM mcr.microsoft.com/powershell:lts-ubuntu-22.04\nSHELL ["pwsh", "-c"]\nUSER x\n')
    assert not last("FROM debian:12\nUSER x\n")


def test_windows_paths_as_written() -> None:
    from dockwright.dockerfile.queries.paths import as_written, base_name, is_windows_absolute

    words = parse_dockerfile('FROM x\nCOPY build\\a.tar "C:\\Program Files\\App"\n').instructions[1].words
    assert [as_written(w) for w in words] == ["build\\a.tar", "C:\\Program Files\\App"]
    assert [is_windows_absolute(as_written(w)) for w in words] == [False, True]
    assert base_name("C:\\Program Files\\App\\a.tar.gz") == base_name("/opt/a.tar.gz") == "a.tar.gz"


def test_a_package_word_from_a_variable_reads_as_the_run_sees_it() -> None:
    document = parse_dockerfile(
        "FROM fedora:41 AS build\nENV other=1.0\nFROM fedora:41\nARG V=2.4.62\nARG U\n"
        "RUN dnf -y install httpd-$V curl-$other wget-$U git-$FROM_BASE\n"
    )
    (use,) = package_commands(document, DNF)
    assert [use.resolved(w) for w in use.packages] == ["httpd-2.4.62", "curl-", None, None]
    assert [w.value for w in use.unpinned()] == ["curl-$other"]


def test_a_script_setting_a_variable_before_a_command_counts() -> None:
    from dockwright.dockerfile.queries.commands import sets_before

    document = parse_dockerfile("FROM x\nRUN pip install a && export PIP_NO_CACHE_DIR=1 && pip install b\n")
    first, second = [c for _, c in commands_of(document, "pip")]
    run = document.instructions[1]
    assert not sets_before(run, first, "PIP_NO_CACHE_DIR") and sets_before(run, second, "PIP_NO_CACHE_DIR")
