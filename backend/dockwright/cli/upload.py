"""`dockwright lint --upload --server URL --project SLUG`: send the container files of the given paths, with git
metadata, to a Dockwright server as one scan of a project, and print its findings marked new or not.

The HTTP and the token are dockwright.server_client's. A server that cannot be reached, refuses the token or
answers an error is exit 2 with the reason, never a silent local run instead.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from dockwright.cli.sources import discover
from dockwright.errors import InputError
from dockwright.findings import Severity
from dockwright.server_client import ServerError, request_json, server_base, server_token
from dockwright.workspace.files import MAX_FILE_BYTES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Files the engine reads beside a Dockerfile or compose file; sent along so the server's analysis sees them too.
CONTEXT_FILES = (".dockerignore", ".env", ".env.example")
# A scan the server analyses later (202) is polled this often, for at most --wait seconds.
POLL_SECONDS = 1.0
# CI systems' variables for the git metadata, before asking git itself.
_CI_VARIABLES = {
    "commit": ("GITHUB_SHA", "CI_COMMIT_SHA", "BUILD_SOURCEVERSION"),
    "branch": ("GITHUB_HEAD_REF", "GITHUB_REF_NAME", "CI_COMMIT_REF_NAME", "BUILD_SOURCEBRANCHNAME"),
    "repository": ("CI_REPOSITORY_URL", "BUILD_REPOSITORY_URI"),
}
_GIT_COMMANDS = {
    "commit": ("rev-parse", "HEAD"),
    "branch": ("rev-parse", "--abbrev-ref", "HEAD"),
    "repository": ("config", "--get", "remote.origin.url"),
}


def upload_main(args: Any, failure_threshold: Severity, out: TextIO, err: TextIO, environ: Mapping[str, str]) -> int:
    """Run the upload the command line asks for; the exit code."""
    try:
        token = server_token(environ, "--upload")
        if not args.server or not args.project:
            raise ServerError("--upload needs --server URL and --project SLUG")
        server = server_base(args.server)
        files = dict(collect_files(args.paths))
        if not files:
            raise ServerError("nothing to upload: no Dockerfile or compose file under the given paths")
        body = {
            "files": [{"path": path, "content": content} for path, content in files.items()],
            "paths": list(args.paths),
            **git_metadata(args, environ),
        }
        scan = request_json(f"{server}/api/v1/projects/{args.project}/scans", token, body, action="the upload")
        scan = _wait(server, token, scan, args.wait)
    except (ServerError, InputError) as exc:
        err.write(f"dockwright: {exc}\n")
        return EXIT_ERROR
    return _report(scan, args.fail_on, failure_threshold, out)


def collect_files(paths: list[str]) -> Iterator[tuple[str, str]]:
    """The Dockerfiles and compose files under ``paths`` and the context files beside them, keyed by their path
    relative to the current folder (the repository's root), as POSIX paths."""
    seen: set[str] = set()
    for found in discover(paths or ["."]):
        if found == "-":
            raise InputError("--upload reads files, not stdin")
        for path in (Path(found), *(Path(found).parent / name for name in CONTEXT_FILES)):
            key = repository_key(path)
            if key in seen or not path.is_file():
                continue
            seen.add(key)
            yield key, _read(path)


def git_metadata(args: Any, environ: Mapping[str, str]) -> dict[str, str]:
    """Repository, commit and branch: the command line's, else the CI system's variables, else git's answer."""
    metadata = {}
    for field in ("repository", "commit", "branch"):
        value = getattr(args, field, None) or next(
            (environ[name] for name in _CI_VARIABLES[field] if environ.get(name)), None
        )
        metadata[field] = value or _git(*_GIT_COMMANDS[field])
    return metadata


def repository_key(path: Path) -> str:
    """``path`` relative to the current folder (the repository's root) as a POSIX path; InputError outside it."""
    relative = os.path.relpath(path.resolve(), Path.cwd().resolve())
    key = posixpath.normpath(Path(relative).as_posix())
    if key == ".." or key.startswith("../"):
        raise InputError(f"{path}: outside the current folder; run from the repository's root")
    return key


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(f"{path}: file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read as UTF-8 text ({exc})") from None


def _git(*command: str) -> str:
    try:
        done = subprocess.run(["git", *command], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _wait(server: str, token: str, scan: dict[str, Any], wait_seconds: float) -> dict[str, Any]:
    """The scan once the server has analysed it (it may answer 202 and analyse it on a worker)."""
    deadline = time.monotonic() + wait_seconds
    while scan.get("status") in ("pending", "running"):
        if time.monotonic() > deadline:
            raise ServerError(f"the scan was not analysed within {wait_seconds:g} s: {server}{scan.get('url')}")
        time.sleep(POLL_SECONDS)
        scan = request_json(f"{server}{scan['url']}", token, action="the upload")
    if scan.get("status") == "failed":
        raise ServerError(f"the server could not analyse the scan: {scan.get('error') or 'no reason given'}")
    return scan


def _report(scan: dict[str, Any], fail_on: str, threshold: Severity, out: TextIO) -> int:
    findings = scan.get("findings", [])
    for finding in findings:
        mark = " [new]" if finding.get("new") else ""
        out.write(
            f"{finding['path']}:{finding['line']}:{finding['column']}: {finding['severity']} {finding['rule']} "
            f"{finding['message']}{mark}\n"
        )
    baseline = scan.get("baseline")
    against = f"against scan {baseline}" if baseline else "no earlier scan of the default branch: all are new"
    out.write(
        f"scan {scan.get('id')}: {len(findings)} finding(s), {scan.get('new', 0)} new, "
        f"{len(scan.get('fixed', []))} fixed ({against})\n"
    )
    counted = [f for f in findings if fail_on != "new" or f.get("new")]
    failing = threshold is not Severity.NONE and any(Severity(f["severity"]).rank >= threshold.rank for f in counted)
    return EXIT_FINDINGS if failing else EXIT_OK
