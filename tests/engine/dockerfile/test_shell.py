"""Shell analysis of RUN/CMD/ENTRYPOINT/HEALTHCHECK: every simple command, wherever it hides."""

from __future__ import annotations

import pytest

from dockwright.dockerfile.model import Instruction
from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.dockerfile.queries.commands import operands
from dockwright.findings import Span


def instruction(text: str, index: int = 1) -> Instruction:
    return parse_dockerfile(text).instructions[index]


def programs(text: str, index: int = 1) -> list[str]:
    script = instruction(text, index).shell
    assert script is not None
    return [c.program for c in script.all_commands]


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("a && b || c; d", ["a", "b", "c", "d"]),
        ("curl -fsSL https://x | tar -xz -C /opt", ["curl", "tar"]),
        ("(cd /src && make) && { echo done; }", ["cd", "make", "echo"]),
        # `[ ... ]` and `[[ ... ]]` are test expressions for tree-sitter-bash, not commands.
        ("if [ -f /a ]; then cp /a /b; elif test -d /c; then rm -r /c; else true; fi", ["cp", "test", "rm", "true"]),
        ('case "$(uname -m)" in x86_64) echo amd ;; *) echo other ;; esac', ["uname", "echo", "echo"]),
        ("[[ -n $X ]] && echo set", ["echo"]),
        ('echo "$(id -u) $(basename `pwd`)"', ["echo", "id", "basename", "pwd"]),
        ("for f in a b; do gzip $f; done; while false; do sleep 1; done", ["gzip", "false", "sleep"]),
        ("DEBIAN_FRONTEND=noninteractive /usr/bin/apt-get install -y curl", ["apt-get"]),
    ],
)
def test_commands_are_found_in_every_construct(run: str, expected: list[str]) -> None:
    assert programs(f"FROM debian\nRUN {run}\n") == expected


def test_assignments_before_a_command() -> None:
    script = instruction("FROM debian\nRUN DEBIAN_FRONTEND=noninteractive TZ=UTC apt-get update\n").shell
    assert script is not None
    [command] = script.all_commands
    assert command.assignments == (("DEBIAN_FRONTEND", "noninteractive"), ("TZ", "UTC"))


def test_flags_long_short_and_clustered() -> None:
    script = instruction('FROM debian\nRUN apt-get -qy --no-install-recommends install curl=8.* "$PKG"\n').shell
    assert script is not None
    [command] = script.all_commands
    assert command.has_flag("-y")
    assert command.has_flag("-q")
    assert command.has_flag("--yes", "-y")
    assert command.has_flag("--no-install-recommends")
    assert not command.has_flag("-x")
    assert not command.has_flag("--no-install")
    assert [a.value for a in operands(command.args)] == ["install", "curl=8.*", "$PKG"]
    assert [a.literal for a in operands(command.args)] == [True, True, False]


def test_long_flag_with_value() -> None:
    script = instruction("FROM python\nRUN pip install --index-url=https://mirror/simple flask\n").shell
    assert script is not None
    [command] = script.all_commands
    assert command.has_flag("--index-url")
    flag = command.flag("--index-url")
    assert flag is not None
    assert flag.span == Span(2, 17, 2, 50)


def test_positions_map_back_through_continuations() -> None:
    text = "FROM debian\nRUN set -eux; \\\n    apt-get update \\\n    # comment\n && apt-get install -y git\n"
    script = instruction(text).shell
    assert script is not None
    spans = [(c.program, c.name.span) for c in script.all_commands]
    assert spans == [
        ("set", Span(2, 5, 2, 8)),
        ("apt-get", Span(3, 5, 3, 12)),
        ("apt-get", Span(5, 5, 5, 12)),
    ]
    assert script.all_commands[2].args[-1].span == Span(5, 24, 5, 27)


def test_unicode_does_not_shift_positions() -> None:
    text = "FROM debian\nRUN echo 'café ☕' && touch /tmp/naïve\n"
    script = instruction(text).shell
    assert script is not None
    echo, touch = script.all_commands
    assert echo.args[0].value == "café ☕"
    assert touch.name.span == Span(2, 22, 2, 27)
    assert touch.args[0].span == Span(2, 28, 2, 38)


def test_heredoc_run_by_the_default_shell_is_parsed() -> None:
    text = "FROM alpine\nRUN <<EOF\nset -e\napk add --no-cache curl\nEOF\n"
    script = instruction(text).shell
    assert script is not None
    assert [(c.program, c.name.span) for c in script.all_commands] == [
        ("set", Span(3, 1, 3, 4)),
        ("apk", Span(4, 1, 4, 4)),
    ]


def test_heredoc_fed_to_bash_is_parsed_along_with_the_command_line() -> None:
    text = "FROM ubuntu\nRUN bash <<EOF\nif [[ -x /bin/true ]]; then apt-get update; fi\nEOF\n"
    assert programs(text) == ["bash", "apt-get"]


def test_python_heredoc_bodies_are_not_shell() -> None:
    python_stdin = "FROM python\nRUN python3 <<EOF\nimport os\nprint(os.getcwd())\nEOF\n"
    assert programs(python_stdin) == ["python3"]
    shebang = "FROM python\nRUN <<EOF\n#!/usr/bin/env python3\nprint('hi')\nEOF\n"
    assert programs(shebang) == []


def test_copy_heredoc_is_not_a_script() -> None:
    copy = instruction("FROM alpine\nCOPY <<EOF /etc/motd\nrm -rf /\nEOF\n")
    assert copy.shell is None


def test_exec_form_and_non_posix_shells_have_no_script() -> None:
    assert instruction('FROM debian\nRUN ["apt-get", "update"]\n').shell is None
    powershell = 'FROM windows\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem C:\\ | Select-Object Name\n'
    assert instruction(powershell, 2).shell is None
    back_to_sh = 'FROM debian\nSHELL ["pwsh", "-c"]\nSHELL ["/bin/bash", "-c"]\nRUN echo hi\n'
    assert programs(back_to_sh, 3) == ["echo"]


def test_shell_is_per_stage() -> None:
    text = 'FROM windows AS a\nSHELL ["cmd", "/S", "/C"]\nFROM debian\nRUN echo hi\n'
    assert programs(text, 3) == ["echo"]


def test_cmd_entrypoint_and_healthcheck_scripts() -> None:
    text = (
        "FROM nginx\n"
        "HEALTHCHECK --interval=5s CMD curl -f http://localhost/ || exit 1\n"
        'HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n'
        "HEALTHCHECK NONE\n"
        "CMD nginx -g 'daemon off;'\n"
        "ENTRYPOINT exec /entrypoint.sh\n"
    )
    parsed = parse_dockerfile(text)
    health_shell, health_exec, health_none, cmd, entrypoint = parsed.instructions[1:]
    assert health_shell.shell is not None
    assert [c.program for c in health_shell.shell.all_commands] == ["curl", "exit"]
    assert health_shell.shell.all_commands[0].name.span == Span(2, 31, 2, 35)
    assert health_exec.shell is None
    assert health_none.shell is None
    assert cmd.shell is not None
    assert cmd.shell.all_commands[0].args[1].value == "daemon off;"
    assert entrypoint.shell is not None
    assert [c.program for c in entrypoint.shell.all_commands] == ["exec"]


def test_onbuild_trigger_has_a_script() -> None:
    onbuild = instruction("FROM node\nONBUILD RUN npm ci && npm run build\n")
    assert onbuild.trigger is not None
    assert onbuild.trigger.shell is not None
    assert [c.program for c in onbuild.trigger.shell.all_commands] == ["npm", "npm"]


def test_broken_shell_still_yields_what_it_can() -> None:
    script = instruction("FROM debian\nRUN apt-get update && (echo unbalanced\n").shell
    assert script is not None
    assert script.has_errors
    assert "apt-get" in [c.program for c in script.all_commands]


def test_crlf_heredoc_body_words_exclude_the_carriage_return() -> None:
    text = "FROM debian\r\nRUN <<EOF\r\napt-get install -y curl\r\nEOF\r\n"
    script = instruction(text).shell
    assert script is not None
    [command] = script.all_commands
    assert [w.value for w in command.words] == ["apt-get", "install", "-y", "curl"]
    assert command.args[-1].span == Span(3, 20, 3, 24)
