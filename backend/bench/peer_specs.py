"""What the spec benchmarks share: reading a peer's repository snapshot, and finding our rules for its ids.

The peers' own test suites are their specifications. The benchmarks read them at run time from a snapshot
of the peer's repository, either a bare git directory (the mirrors under /work/.mirror) or an ordinary clone;
none of the peers' code or test text is kept in this repository.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from dockwright.rules import load_all, registry

MIRROR_ROOT = Path("/work/.mirror")


class Unreadable(Exception):
    """An expression of the peer's test source that the evaluator does not know."""


@dataclass(frozen=True)
class Token:
    """One token of a peer's test source (Go or Haskell), as the evaluators read it."""

    kind: str  # "str", "name", "num", "sym"
    value: str
    line: int
    indent: int = 0  # indentation of the line the token is on (Haskell's layout needs it)


@dataclass(frozen=True)
class Snapshot:
    """A peer's repository: a work tree, or a git directory read at HEAD."""

    path: Path
    is_work_tree: bool

    def read(self, name: str) -> str:
        if self.is_work_tree:
            return (self.path / name).read_text(encoding="utf-8")
        return self._git("show", f"HEAD:{name}")

    def files(self, folder: str) -> list[str]:
        """Paths of the files directly in ``folder``, relative to the repository."""
        if self.is_work_tree:
            return sorted(str(p.relative_to(self.path)) for p in (self.path / folder).iterdir() if p.is_file())
        return sorted(self._git("ls-tree", "--name-only", "HEAD", f"{folder.rstrip('/')}/").splitlines())

    def revision(self) -> str:
        if self.is_work_tree:
            return "work tree"
        return self._git("log", "-1", "--format=%h (%cs)").strip()

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", f"--git-dir={self.path}", *args],
            capture_output=True,
            text=True,
            check=True,
        ).stdout


def find_snapshot(repository: str, given: Path | None, marker: str) -> Snapshot | None:
    """The snapshot of ``repository`` ("owner/name") at ``given``, else the mirror's; None when there is none.

    ``marker`` is a file the snapshot must hold (the spec the benchmark reads).
    """
    owner, name = repository.split("/")
    candidates = [given] if given else [MIRROR_ROOT / f"{owner}+{name}" / "repo", MIRROR_ROOT / f"{owner}+{name}"]
    for path in candidates:
        if (path / marker).is_file():
            return Snapshot(path, is_work_tree=True)
        if (path / "HEAD").is_file():
            snapshot = Snapshot(path, is_work_tree=False)
            try:
                snapshot.read(marker)
            except subprocess.CalledProcessError:
                continue
            return snapshot
    return None


def missing_snapshot_message(repository: str, option: str, given: Path | None) -> str:
    where = f"at {given}" if given else f"under {MIRROR_ROOT}"
    folder = f"/tmp/{repository.split('/')[1]}"
    return (
        f"No snapshot of {repository} found {where}; nothing was measured. Clone it and pass its path:\n"
        f"    git clone --depth 1 https://github.com/{repository} {folder}\n"
        f'    {option} {folder}    (with make: BENCH_ARGS="{option} {folder}")'
    )


def our_rules(peer_id: str) -> list[str]:
    """Our rule ids for a peer's rule id: its recorded equivalents, or the rule named in peer_gaps.py."""
    load_all()
    return registry.resolve_id(peer_id)


def off_by_default(rule_ids: list[str]) -> list[str]:
    load_all()
    return [rule_id for rule_id in rule_ids if not getattr(registry.get(rule_id), "enabled_by_default", True)]


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"
