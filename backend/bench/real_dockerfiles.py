"""The corpus of real Dockerfiles the speed benchmark lints: read from the repositories' mirrors at run time.

None of the files is kept in this repository (they are other projects' work): `real_dockerfiles.txt` lists
each one as repository, commit and path, and `materialize` copies them out of the git mirrors that the
`fetch` tool brings to /work/.mirror (owner+name/repo, a bare git directory) into a temporary folder. A
missing mirror or commit stops the benchmark with the repositories to fetch.

Rebuild the manifest from the mirrors present (after fetching more repositories):
    .venv/bin/python backend/bench/real_dockerfiles.py --write owner/name owner/name@tag ...
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

MIRRORS = Path(os.environ.get("DOCKWRIGHT_MIRRORS", "/work/.mirror"))
MANIFEST = Path(__file__).with_name("real_dockerfiles.txt")
# How Dockerfiles are named in the wild: Dockerfile, Dockerfile.alpine, api.Dockerfile, Containerfile.
_DOCKERFILE = re.compile(r"(^|/)(([^/]*\.)?(dockerfile|containerfile)(\.[^/]*)?)$", re.IGNORECASE)
# Files that only look like Dockerfiles: docker-library's jq templates, Go/Jinja templates, test inputs.
_NOT_A_DOCKERFILE = re.compile(r"template|\.tmpl$|\.j2$|\.in$|\.md$|\.sh$|\.go$|\.py$|\.json$|\.ya?ml$", re.I)
# At most this many files of one repository, so that no single origin's style dominates the figures.
PER_REPOSITORY = 20
MAX_BYTES = 64 * 1024


class MissingMirrors(Exception):
    """Some repositories of the manifest are not in the mirrors (or lack the commit read)."""


@dataclass(frozen=True)
class Entry:
    repository: str  # owner/name
    commit: str
    path: str

    @property
    def git_dir(self) -> Path:
        return MIRRORS / self.repository.replace("/", "+") / "repo"

    def local_name(self) -> str:
        """A flat file name the linters' folder discovery takes for a Dockerfile."""
        flat = self.path.replace("/", "__")
        return flat if flat.lower().endswith(".dockerfile") else f"{flat}.Dockerfile"


def read_manifest(manifest: Path = MANIFEST) -> list[Entry]:
    entries = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            repository, commit, path = line.split(maxsplit=2)
            entries.append(Entry(repository, commit, path))
    return entries


def materialize(destination: Path, entries: list[Entry] | None = None) -> list[Path]:
    """Copy every file of the manifest into ``destination`` (one folder per repository); the paths written,
    in manifest order. Raises MissingMirrors naming every repository to fetch first."""
    entries = read_manifest() if entries is None else entries
    by_repository: dict[str, list[Entry]] = {}
    for entry in entries:
        by_repository.setdefault(entry.repository, []).append(entry)
    missing = [
        repo
        for repo, group in by_repository.items()
        if not group[0].git_dir.is_dir() or not all(_has(group[0].git_dir, c) for c in {e.commit for e in group})
    ]
    if missing:
        raise MissingMirrors(
            f"{len(missing)} repositories of {MANIFEST.name} are not in {MIRRORS} (or lack the commit listed); "
            "bring them with the fetch tool first (fetch github:OWNER/NAME): " + ", ".join(sorted(missing))
        )
    written = {}
    for repo, group in by_repository.items():
        several = len({entry.commit for entry in group}) > 1  # then one folder per commit: paths repeat
        blobs = _read_blobs(group[0].git_dir, [f"{e.commit}:{e.path}" for e in group])
        for entry, content in zip(group, blobs, strict=True):
            folder = destination / repo.replace("/", "+")
            if several:
                folder /= entry.commit[:12]
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / entry.local_name()
            target.write_bytes(content)
            written[entry] = target
    return [written[entry] for entry in entries]


def _has(git_dir: Path, commit: str) -> bool:
    return (
        subprocess.run(
            ["git", "--git-dir", str(git_dir), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True
        ).returncode
        == 0
    )


def _read_blobs(git_dir: Path, objects: list[str]) -> list[bytes]:
    """The contents of ``objects`` (commit:path) in one `git cat-file --batch` call."""
    completed = subprocess.run(
        ["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
        input="".join(f"{name}\n" for name in objects).encode(),
        capture_output=True,
        check=True,
    )
    out, position, blobs = completed.stdout, 0, []
    for name in objects:
        end = out.index(b"\n", position)
        header = out[position:end].split()
        if header[-1] == b"missing":
            raise MissingMirrors(f"{git_dir}: {name} is missing")
        size = int(header[2])
        blobs.append(out[end + 1 : end + 1 + size])
        position = end + 1 + size + 1
    return blobs


def select(repository: str, ref: str = "HEAD") -> list[Entry]:
    """Up to PER_REPOSITORY real Dockerfiles of a mirrored repository at ``ref``, spread evenly over its
    sorted paths, without templates and huge files."""
    git_dir = MIRRORS / repository.replace("/", "+") / "repo"
    commit = subprocess.run(
        ["git", "--git-dir", str(git_dir), "rev-parse", f"{ref}^{{commit}}"], capture_output=True, text=True, check=True
    ).stdout.strip()
    listing = subprocess.run(
        ["git", "--git-dir", str(git_dir), "ls-tree", "-r", "-l", commit], capture_output=True, text=True, check=True
    ).stdout
    candidates = []
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        mode, kind, _, size = meta.split()
        if (
            kind == "blob"
            and mode != "120000"
            and _DOCKERFILE.search(path)
            and not _NOT_A_DOCKERFILE.search(Path(path).name)
            and 0 < int(size) <= MAX_BYTES
        ):
            candidates.append(path)
    candidates.sort()
    contents = _read_blobs(git_dir, [f"{commit}:{path}" for path in candidates])
    unique = [(p, c) for p, c in zip(candidates, contents, strict=True) if b"FROM" in c.upper() and b"{{" not in c]
    step = max(1.0, len(unique) / PER_REPOSITORY)
    picked = [unique[int(i * step)] for i in range(min(PER_REPOSITORY, len(unique)))]
    return [Entry(repository, commit, path) for path, _ in picked]


def _deduplicated(entries: Iterable[Entry]) -> list[Entry]:
    seen: set[str] = set()
    kept = []
    for entry in entries:
        (content,) = _read_blobs(entry.git_dir, [f"{entry.commit}:{entry.path}"])
        digest = hashlib.sha256(content).hexdigest()
        if digest not in seen:
            seen.add(digest)
            kept.append(entry)
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", nargs="+", metavar="OWNER/NAME[@REF]", help="rebuild the manifest")
    args = parser.parse_args()
    if not args.write:
        entries = read_manifest()
        print(f"{len(entries)} files of {len({e.repository for e in entries})} repositories in {MANIFEST}")
        return 0
    entries = []
    for spec in args.write:
        repository, _, ref = spec.partition("@")
        entries += select(repository, ref or "HEAD")
    entries = _deduplicated(entries)
    lines = [
        "# Real Dockerfiles linted by backend/bench/dockerfile_bench.py: repository, commit, path.",
        "# Read from the fetch tool's mirrors at run time (never copied here); rebuilt by real_dockerfiles.py --write.",
        *(f"{e.repository} {e.commit} {e.path}" for e in entries),
    ]
    MANIFEST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(entries)} files of {len({e.repository for e in entries})} repositories written to {MANIFEST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
