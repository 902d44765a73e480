"""`dockwright lint --server URL --project SLUG PATH...`: the files are analysed by a Dockwright server with the
project's policy, then printed and judged here by the same code as a local run's findings (dockwright.cli.main).

The run finds its files as a local run does (folders searched, bake files read here). The server gets each file
to analyse with the context files beside it (the upload's CONTEXT_FILES) and analyses it as the engine does here:
the other files it reads are looked up by path relative to the file's folder, only inside that folder's tree. A
file it looked for and lacked comes back in the file's ``missing``; those this machine has (read exactly as a local
run reads them) go up in another round, in which only the files that asked for them are analysed again, until no
file wants more. The server has then read what a local run reads, and finds what it finds.

The project's policy takes the place of the config files and of hadolint's variables; what the command line sets
(--ignore, --enable, --failure-threshold, --no-shellcheck, --disable-ignore-pragma) goes over it, as a file's own
config goes over a project's. A server that cannot be reached, refuses the token or fails is exit 2 with the
reason (a ServerError), never a local run instead: its findings would not be the project's.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dockwright.cli.batch import BatchFile
from dockwright.cli.upload import CONTEXT_FILES, repository_key
from dockwright.errors import InputError
from dockwright.findings import Severity
from dockwright.i18n import finding_from_data
from dockwright.server_client import ServerError, request_json, server_base, server_token
from dockwright.workspace.files import RelativeFiles

# Rounds of "send what the server lacked": each follows one more link (a compose file's include, the Dockerfile
# of a service the included file builds); the engine follows includes ten deep.
MAX_ROUNDS = 12


def refusal(args: Any) -> str | None:
    """Why the command line cannot run on a server (an option it has no server form of), or None."""
    if not args.project:
        return "--server needs --project SLUG (or --upload, to send a scan)"
    unsupported = [
        (args.fix, "--fix: the server does not write your files"),
        (args.compose_files, "-f: lint the compose files' folder instead"),
        (args.env_files, "--env-file"),
        (args.config, "--config: the project's policy is the configuration"),
        ("-" in args.paths, "stdin (-)"),
        (args.fail_on != "all", "--fail-on new: it compares scans, use --upload"),
    ]
    for given, what in unsupported:
        if given:
            return f"--server without --upload does not take {what}"
    return None


class ServerLint:
    """Analyses batches of files on the server, with ``config`` (the command line's settings) over the policy of
    ``project``."""

    def __init__(self, server: str, project: str, token: str, config: Mapping[str, Any]) -> None:
        self.url = f"{server_base(server)}/api/v1/projects/{quote(project, safe='')}/lint"
        self.token = token
        self.config = dict(config)

    @classmethod
    def from_environment(cls, args: Any, config: Mapping[str, Any], environ: Mapping[str, str]) -> ServerLint:
        return cls(args.server, args.project, server_token(environ, "--server"), config)

    def analyse(self, batch: list[BatchFile]) -> tuple[list[BatchFile], Severity]:
        """The batch with each file's findings (or error) from the server, and the failure threshold of the
        project's policy with the command line's settings. ServerError when the server fails the run (asked even
        for no files: a run that finds nothing to lint still checks the server, the project and the token)."""
        targets = [_Target.of(item) for item in batch]
        bundle: dict[str, str] = {}
        for target in targets:
            bundle[target.path] = target.item.content
            for name in CONTEXT_FILES:
                _add(bundle, target, name)
        pending = list(range(len(targets)))
        for _ in range(MAX_ROUNDS):
            answer = self._ask(bundle, [targets[index] for index in pending])
            threshold, results = _parse(answer, len(pending))
            sent = set(bundle)
            for index, result in zip(pending, results, strict=True):
                targets[index].take(result)
                for key in result["missing"]:
                    _add(bundle, targets[index], key)
            pending = [index for index in pending if targets[index].wants(set(bundle) - sent)]
            if not pending:
                return [target.item for target in targets], threshold
        raise ServerError(f"the server still lacked files after {MAX_ROUNDS} rounds; lint fewer files at once")

    def _ask(self, bundle: dict[str, str], targets: list[_Target]) -> dict[str, Any]:
        body = {
            "files": [{"path": path, "content": content} for path, content in bundle.items()],
            "lint": [target.request() for target in targets],
            "config": self.config,
        }
        return request_json(self.url, self.token, body, action="the analysis")


@dataclass
class _Target:
    """One file to analyse: its key in the bundle, the folder its other files are read from, and what the server
    last said it lacked."""

    item: BatchFile
    path: str
    folder: str
    files: RelativeFiles
    missing: tuple[str, ...] = ()

    @classmethod
    def of(cls, item: BatchFile) -> _Target:
        files = item.files
        if not isinstance(files, RelativeFiles) or files.directory is None:
            raise InputError(f"{item.path}: cannot be analysed on a server")  # -f and --env-file are refused before
        return cls(item, repository_key(Path(item.path)), repository_key(files.directory), files)

    def request(self) -> dict[str, Any]:
        build = self.item.build
        return {
            "path": self.path,
            "folder": self.folder,
            "filename": self.item.path,  # as a local run names it: rules read it (a `ci/` Dockerfile is for CI)
            "kind": self.item.kind,
            "build": None if build is None else {"args": dict(build.args), "target": build.target},
        }

    def key(self, relative: str) -> str:
        return posixpath.normpath(posixpath.join(self.folder, relative))

    def take(self, result: Mapping[str, Any]) -> None:
        self.item.findings = result["findings"]
        self.item.error = InputError(result["error"]) if result["error"] else None
        self.item.foreign = result.get("foreign") or None
        self.missing = tuple(result["missing"])

    def wants(self, added: set[str]) -> bool:
        """Whether a file it lacked has been added since it was analysed."""
        return any(self.key(relative) in added for relative in self.missing)


def _add(bundle: dict[str, str], target: _Target, relative: str) -> None:
    """Put the file ``relative`` to the target's folder in the bundle, read as a local run reads it (inside the
    folder's tree, small text files only), when this machine has it."""
    key = target.key(relative)
    if key in bundle or key == ".." or key.startswith(("../", "/")) or "\\" in key:
        return
    text = target.files.get(relative)
    if text is not None:
        bundle[key] = text


def _parse(answer: Mapping[str, Any], expected: int) -> tuple[Severity, list[dict[str, Any]]]:
    """The failure threshold and the results of an answer; ServerError for one this version cannot read."""
    try:
        threshold = Severity(answer["config"]["failure_threshold"])
        results = [dict(result) for result in answer["results"]]
        for result in results:
            result["findings"] = [finding_from_data(data) for data in result["findings"]]
            result["missing"] = [str(key) for key in result["missing"]]
            result["error"] = str(result.get("error") or "")
    except (KeyError, TypeError, ValueError) as exc:
        raise ServerError(f"the server's answer is not one this dockwright can read ({exc})") from None
    if len(results) != expected:
        raise ServerError(f"the server answered for {len(results)} files instead of {expected}")
    return threshold, results
