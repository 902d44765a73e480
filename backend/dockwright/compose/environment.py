"""The variables a compose project is interpolated with, and whether anyone told us what they are.

Compose reads them from the shell and from the ``--env-file`` files, else from the ``.env`` of the project
directory. The shell of whoever runs Compose is unknown to us; the files are not. When no file was given,
an unset variable is simply unknown; when one was, a required variable it does not set is worth a finding.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from dockwright.compose.bundle import env_file_names, lookup, normal
from dockwright.compose.dotenv import parse_dotenv
from dockwright.i18n import Message

# An env file is a few dozen lines; past these limits the rest of a file (or the other files) stays unread,
# and the variables it would set are unknown, as if it had not been given.
MAX_ENV_FILES = 16
MAX_ENV_CHARS = 256 * 1024


@dataclass(frozen=True)
class Environment:
    values: Mapping[str, str] = field(default_factory=dict)
    # The env files read (``.env``, ``--env-file`` ones), in order; empty when none was found.
    sources: tuple[str, ...] = ()

    @property
    def given(self) -> bool:
        """Whether an env file said which variables are set: only then is a missing one worth reporting."""
        return bool(self.sources)

    def describe(self) -> str:
        return ", ".join(self.sources) if self.sources else Message("no env file")


NO_ENVIRONMENT = Environment()


def project_environment(files: Mapping[str, str]) -> Environment:
    """The variables of the env files the project is run with (later files win, as in Compose)."""
    values: dict[str, str] = {}
    sources: list[str] = []
    for name in env_file_names(files)[:MAX_ENV_FILES]:
        text = lookup(files, normal(name))
        if text is None:
            continue
        values.update(parse_dotenv(_bounded(text)))
        sources.append(name)
    return Environment(values, tuple(sources))


def environment_of(text: str | None) -> Environment:
    """The environment of one ``.env`` text (None: no env file)."""
    if text is None:
        return NO_ENVIRONMENT
    return Environment(parse_dotenv(_bounded(text)), (".env",))


def _bounded(text: str) -> str:
    """The whole lines of ``text`` within the limit."""
    return text if len(text) <= MAX_ENV_CHARS else text[:MAX_ENV_CHARS].rpartition("\n")[0]
