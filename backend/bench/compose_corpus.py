"""Lint a corpus of real compose files (backend/bench/compose_corpus.yaml) as Compose runs them, then time
Dockwright against dclint on them (a dev tool, not a test).

The files come from snapshots of their repositories under /work/.mirror (``owner+name/repo``, bare git
directories), read at run time; nothing of them is kept in this repository. Each manifest entry is linted as
`docker compose` would run it: with its env file as the project's `.env` and the compose files it is run with
(``-f``). Only the files the analysis reads (the compose files, the env file, `include`d and `extends` files,
`env_file`s, the Dockerfiles services build) are copied into a temporary folder, and the `dockwright` CLI lints
them there. Per file the script prints the exit status and any schema error (DC001 YAML, DC003 schema, DC038
not Compose), and its summary fails (exit 1) when a file Compose accepts (no `compose_rejects` in the manifest)
gets exit 2 or one of those.

Then one alternating run over the same files in that folder: dclint (npm package `dclint`, installed outside
the repository: ``npm install --prefix /tmp/dclint dclint``) and Dockwright take turns, ``--rounds`` times each;
the median of each is printed as files per second, for Dockwright both in one process (the engine loop the
editor and the API run) and as the CLI (Python's start-up included, as dclint's node start-up is).

Run: .venv/bin/python backend/bench/compose_corpus.py [--mirror /work/.mirror] [--dclint PATH] [--rounds 5]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "backend"))

from dockwright.cli import main as dockwright_main  # noqa: E402
from dockwright.compose.bundle import Bundle  # noqa: E402
from dockwright.lint import lint  # noqa: E402
from dockwright.workspace.yaml_settings import load_yaml_mapping  # noqa: E402

MANIFEST = Path(__file__).with_name("compose_corpus.yaml")
DEFAULT_MIRROR = Path("/work/.mirror")
DEFAULT_DCLINT = Path("/tmp/dclint/node_modules/.bin/dclint")
# What a file Compose accepts must never get: the YAML, the schema, "not a Compose file".
REFUSALS = ("DC001", "DC003", "DC038")
CONFIG = {"shellcheck": False, "today": "2026-11-28"}


@dataclass(frozen=True)
class Entry:
    repo: str
    path: str
    env: str | None
    with_files: tuple[str, ...]
    compose_rejects: str | None

    @property
    def folder(self) -> str:
        return self.repo.replace("/", "+")

    @property
    def project(self) -> list[str]:
        """The compose files in `-f` order (the entry's file last)."""
        return [*self.with_files, self.path]


class GitReader:
    """Files of one snapshot by path, through one `git cat-file --batch` process."""

    def __init__(self, git_dir: Path) -> None:
        self.process = subprocess.Popen(
            ["git", "--git-dir", str(git_dir), "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def read(self, path: str) -> str | None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(f"HEAD:{path}\n".encode())
        self.process.stdin.flush()
        header = self.process.stdout.readline().split()
        if len(header) < 3:
            return None  # "<name> missing"
        data = self.process.stdout.read(int(header[2]) + 1)[:-1]  # a folder's listing too, to stay in step
        if header[1] != b"blob":
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait()


class RecordingFiles(Mapping[str, str]):
    """A project folder of a snapshot, read on demand (as the CLI reads the disk), remembering what was read:
    those are the files the analysis needs."""

    def __init__(self, reader: GitReader, folder: str, given: dict[str, str]) -> None:
        self.reader = reader
        self.prefix = f"{folder}/" if folder else ""
        self.read: dict[str, str] = dict(given)

    def __getitem__(self, key: str) -> str:
        if key not in self.read:
            text = self.reader.read(self.prefix + key) if ".." not in key.split("/") else None
            if text is None:
                raise KeyError(key)
            self.read[key] = text
        return self.read[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self.read))

    def __len__(self) -> int:
        return len(self.read)


@dataclass
class Outcome:
    entry: Entry
    exit_code: int
    refusals: list[str] = field(default_factory=list)
    findings: int = 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=DEFAULT_MIRROR)
    parser.add_argument("--dclint", type=Path, default=DEFAULT_DCLINT)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-speed", action="store_true", help="only lint the corpus")
    args = parser.parse_args(argv)
    entries = load_manifest()
    missing = sorted({e.repo for e in entries if not (args.mirror / e.folder / "repo").is_dir()})
    if missing:
        print(f"No snapshot of {len(missing)} corpus repositories under {args.mirror}; nothing was measured.")
        print("Get each as a bare clone (or with the workspace's fetch tool, which puts them there):")
        for repo in missing:
            target = args.mirror / repo.replace("/", "+") / "repo"
            print(f"    git clone --bare --depth 1 https://github.com/{repo} {target}")
        return 2
    with tempfile.TemporaryDirectory(prefix="compose-corpus-") as folder:
        root = Path(folder)
        materialise(entries, args.mirror, root)
        outcomes = [lint_entry(entry, root) for entry in entries]
        failed = report(outcomes)
        if not args.no_speed:
            if not args.dclint.exists():
                print(f"\ndclint not found at {args.dclint}; run: npm install --prefix /tmp/dclint dclint")
                return 2
            compare_speed([root / e.folder / e.path for e in entries], args.dclint, args.rounds)
    return 1 if failed else 0


def load_manifest() -> list[Entry]:
    data = load_yaml_mapping(MANIFEST.read_text(encoding="utf-8"), str(MANIFEST))
    return [
        Entry(item["repo"], item["path"], item.get("env"), tuple(item.get("with", ())), item.get("compose_rejects"))
        for item in data["files"]
    ]


def materialise(entries: list[Entry], mirror: Path, root: Path) -> None:
    """Copy into ``root`` (one folder per repository) what each entry's analysis reads."""
    readers: dict[str, GitReader] = {}
    try:
        for entry in entries:
            reader = readers.setdefault(entry.repo, GitReader(mirror / entry.folder / "repo"))
            parent = str(Path(entry.project[0]).parent)
            directory = "" if parent == "." else parent
            given = {}
            if entry.env:
                env = reader.read(entry.env)
                if env is None:
                    raise SystemExit(f"{entry.repo}: env file {entry.env} not in the snapshot")
                given[".env"] = env  # Compose reads the project's .env; an example is what users copy there
            files = RecordingFiles(reader, directory, given)
            keys = [str(Path(name).relative_to(directory or ".")) for name in entry.project]
            texts = [files.get(key) for key in keys]
            if None in texts:
                raise SystemExit(f"{entry.repo}: {entry.project} not all in the snapshot")
            bundle = Bundle(files, compose_files=keys)
            for key, text in zip(keys, texts, strict=True):
                assert text is not None
                lint(text, kind="compose", filename=key, config=CONFIG, files=bundle.for_file(key))
            for key, text in files.read.items():
                target = root / entry.folder / (directory or ".") / key
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    finally:
        for reader in readers.values():
            reader.close()


def lint_entry(entry: Entry, root: Path) -> Outcome:
    """The CLI's verdict on the entry, run in its project folder as `docker compose -f ...` would be."""
    directory = root / entry.folder / str(Path(entry.project[0]).parent)
    names = [str(Path(name).relative_to(Path(entry.project[0]).parent)) for name in entry.project]
    argv = ["lint", "--format", "json", "--no-shellcheck", "--no-cache"]
    argv += [part for name in names for part in ("-f", name)] if len(names) > 1 else names
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(directory), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = dockwright_main(argv)
    findings = json.loads(out.getvalue() or "[]")
    own = [f for f in findings if Path(f["file"]).name == Path(entry.path).name]
    refusals = [f"{f['rule']} {f['line']}: {f['message']}" for f in own if f["rule"] in REFUSALS]
    if code == 2 and not refusals:
        refusals.append(err.getvalue().strip().splitlines()[-1] if err.getvalue().strip() else "exit 2")
    return Outcome(entry, code, refusals, len(own))


def report(outcomes: list[Outcome]) -> bool:
    """Print each file's verdict; True when a file Compose accepts was refused."""
    print(f"{'exit':>4} {'findings':>8}  file")
    wrong = []
    for outcome in outcomes:
        entry = outcome.entry
        name = f"{entry.repo}:{entry.path}" + (f" (with {', '.join(entry.with_files)})" if entry.with_files else "")
        env = " [.env]" if entry.env else ""
        print(f"{outcome.exit_code:>4} {outcome.findings:>8}  {name}{env}")
        for refusal in outcome.refusals:
            print(f"{'':>15}{refusal}")
        if (outcome.exit_code == 2 or outcome.refusals) and not entry.compose_rejects:
            wrong.append(name)
        if entry.compose_rejects:
            print(f"{'':>15}Compose rejects it: {entry.compose_rejects}")
    repos = len({o.entry.repo for o in outcomes})
    with_env = sum(1 for o in outcomes if o.entry.env)
    print(
        f"\n{len(outcomes)} files from {repos} repositories ({with_env} with an env file): "
        f"{sum(1 for o in outcomes if o.exit_code == 2)} exit 2, "
        f"{sum(1 for o in outcomes if o.refusals)} with a YAML, schema or not-Compose finding; "
        f"{len(wrong)} of them on a file Compose accepts"
    )
    for name in wrong:
        print(f"    FAIL {name}")
    return bool(wrong)


def compare_speed(paths: list[Path], dclint: Path, rounds: int) -> None:
    """One alternating run: dclint, Dockwright in one process, Dockwright's CLI, ``rounds`` times."""
    texts = {str(path): path.read_text(encoding="utf-8") for path in paths}
    lint("services: {}\n", kind="compose", config=CONFIG)  # warm up: imports, rules, the schema validator
    times: dict[str, list[float]] = {"dclint": [], "engine": [], "cli": []}
    cli = [str(REPO / ".venv" / "bin" / "dockwright"), "lint", "--no-shellcheck", "--no-cache", "--format", "json"]
    with tempfile.TemporaryDirectory(prefix="pycache-") as pycache:
        # The CLI as installed runs from compiled bytecode; where PYTHONDONTWRITEBYTECODE is set (containers,
        # some CI), it would compile its 250 modules on every run: give it a bytecode cache of its own.
        env = {**os.environ, "PYTHONPYCACHEPREFIX": pycache}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        _timed_process([*cli, *list(texts)[:1]], env)  # writes the bytecode
        for _ in range(rounds):
            times["dclint"].append(_timed_process([str(dclint), *texts, "-f", "json", "--color", "false"]))
            started = time.perf_counter()
            for path, text in texts.items():
                lint(text, kind="compose", filename=path, config=CONFIG)
            times["engine"].append(time.perf_counter() - started)
            times["cli"].append(_timed_process([*cli, *texts], env))
    count = len(paths)
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"\nspeed over the same {count} files, median of {rounds} alternating rounds:")
    print(f"  dclint (one node process):          {count / median['dclint']:8.1f} files/s ({median['dclint']:.2f} s)")
    for name, label in (("engine", "Dockwright, engine in one process:"), ("cli", "Dockwright CLI (one process):")):
        ratio = median["dclint"] / median[name]
        print(f"  {label:<35} {count / median[name]:8.1f} files/s ({median[name]:.2f} s), {ratio:.1f}x dclint")


def _timed_process(command: list[str], env: dict[str, str] | None = None) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, env=env)
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())
