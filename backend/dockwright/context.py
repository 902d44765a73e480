"""What a rule may know about the analysis besides the parsed document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from dockwright.config import LintConfig


@dataclass(frozen=True)
class LintContext:
    config: LintConfig = field(default_factory=LintConfig)
    filename: str | None = None
    # Other files of the same analysis by path relative to this one (`.dockerignore`, a compose
    # service's Dockerfile, an `.env` file), so that rules can look across files.
    files: Mapping[str, str] = field(default_factory=dict)

    @property
    def today(self) -> dt.date:
        return self.config.today or dt.date.today()
