"""The cost budget of one analysis: how much work, memory and output any input may cost.

Every front end (the CLI, the API, the language server, the workers) lints through :func:`dockwright.lint.lint`,
which opens a budget for the analysis; the parser, the variable resolver, ShellCheck's integration and the
finding collector charge it. An input over a limit is never an error: the part over the limit stays
unresolved or unchecked, and a finding says so at the line that caused it.

The budget travels in a context variable rather than through every call, because the variable resolver is
reached from deep inside the parser and the rules; a thread or task that lints opens its own.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limits:
    """The limits of one analysis. The defaults keep a 256 KiB file under about a second of CPU and a few tens
    of megabytes, while no real file we have seen comes near any of them (see backend/bench/hostile_bench.py)."""

    # One variable's expanded value; longer values stay unresolved (real ones are paths, versions, flags).
    max_value_chars: int = 16 * 1024
    # All expansion output of the analysis together (each resolved ARG, ENV, FROM and word).
    max_expansion_chars: int = 4 * 1024 * 1024
    # Nesting of `${...}` inside `${...}`, of brackets in an exec-form array and the like.
    max_nesting: int = 32
    # Variables held in all the scopes of a file together: each ARG or ENV copies the scope before it.
    max_scope_entries: int = 200_000
    # Findings: per rule and file, then per file; the rest are summarised in one finding of the rule.
    max_findings_per_rule: int = 200
    max_findings: int = 2_000
    # One finding's message; quoted tokens are shortened first.
    max_message_chars: int = 400
    # Fixing until nothing more applies re-lints the whole text after each pass.
    max_fix_passes: int = 10
    max_fix_relint_chars: int = 512 * 1024
    # ShellCheck: scripts over these are not sent. Its cost grows with the square of a command chain (250
    # commands: 0.1 s; 1,600: 2 s and 660 MB) and with the depth of the syntax tree (200 levels: 0.2 s).
    max_script_bytes: int = 16 * 1024
    max_script_commands: int = 250
    max_script_nesting: int = 200
    # ShellCheck: the distinct scripts of one file together (it checks about 20 KB of script a second here).
    max_scripts: int = 400
    max_scripts_bytes: int = 32 * 1024
    # ShellCheck's process: wall-clock seconds (a base plus a little per script and per KiB of script, so that
    # a folder's batch gets what its size needs), address space and CPU time. ShellCheck checks about 50 KiB of
    # real RUN scripts a second here; a KiB is allowed ten times what it takes, for a machine under load.
    shellcheck_seconds: float = 1.0
    shellcheck_seconds_per_script: float = 0.002
    shellcheck_seconds_per_kib: float = 0.2
    shellcheck_max_seconds: float = 60.0
    shellcheck_memory_bytes: int = 512 * 1024 * 1024


DEFAULT_LIMITS = Limits()


@dataclass
class Budget:
    """What one analysis has spent so far, and the limits it spends against."""

    limits: Limits = DEFAULT_LIMITS
    expansion_chars: int = 0
    scope_entries: int = 0
    # Set when a part of the result may differ on another run (a rule crashed, ShellCheck failed or timed out),
    # so callers must not keep it as the file's result.
    transient: bool = False
    notes: list[str] = field(default_factory=list)

    def spend_expansion(self, chars: int) -> bool:
        """Charge ``chars`` of expansion output; False when the analysis has no more to spend."""
        self.expansion_chars += chars
        return self.expansion_chars <= self.limits.max_expansion_chars

    def spend_scope(self, entries: int) -> bool:
        self.scope_entries += entries
        return self.scope_entries <= self.limits.max_scope_entries


_current: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("dockwright_budget", default=None)


def current() -> Budget:
    """The budget of the analysis under way. Outside one (a helper called directly, a test) each call gets a
    fresh budget with the default limits: the per-value limits still hold, and nothing accumulates in a
    long-running process."""
    return _current.get() or Budget()


@contextlib.contextmanager
def spending(budget: Budget) -> Iterator[Budget]:
    """Charge ``budget`` for the code run inside the block: a new analysis' budget, or the one a document
    was parsed with when its rules run later (a batch parses every file first)."""
    token = _current.set(budget)
    try:
        yield budget
    finally:
        _current.reset(token)
