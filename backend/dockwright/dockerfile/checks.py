"""BuildKit's `# check=` comments: which build checks a Dockerfile skips or switches on, and where.

BuildKit reads them in two places (frontend/dockerfile/linter and dockerfile2llb):

* the `check` parser directive at the top of the file (`# check=skip=JSONArgsRecommended;error=true`), for the
  whole file; a `#!` first line is skipped to find it, and a malformed one stops the build;
* a `# check=` comment among the comments right before an instruction (its PrevComment), for that instruction
  only: the first such comment counts, a malformed one is ignored.

In both the value ends at its first space (`# check=skip=SecretsUsedInArgOrEnv // why`), and check names are
case-sensitive. `skip` does not apply to experimental checks, which run only where `experimental=` names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dockwright.dockerfile.model import Dockerfile, Instruction

# BuildKit's directive grammar (Go's `\s` is [\t\n\f\r ]).
_DIRECTIVE = re.compile(r"([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*")
_KNOWN_DIRECTIVES = ("syntax", "escape", "check")
# Checks BuildKit runs with the file's linter, not an instruction's: a comment before an instruction does not
# skip them (dockerfile2llb's Dockerfile2LLB and validateStageNames / validateCommandCasing).
FILE_LEVEL_CHECKS = frozenset(
    {
        "NoEmptyContinuation",
        "ConsistentInstructionCasing",
        "DuplicateStageName",
        "ReservedStageName",
        "InvalidDefaultArgInFrom",
        "InvalidBaseImagePlatform",
    }
)
# Checks that run only when `experimental=` names them (linter/ruleset.go).
EXPERIMENTAL_CHECKS = frozenset({"InvalidDefinitionDescription"})
# BuildKit reports MultipleInstructionsDisallowed at the instruction a later one overrides, with the later
# one's checks.
OVERRIDDEN_CHECK = "MultipleInstructionsDisallowed"


class InvalidCheckOptions(ValueError):
    """The `check` directive's value is not one BuildKit accepts."""


@dataclass(frozen=True)
class CheckOptions:
    skip: frozenset[str] = frozenset()
    skip_all: bool = False
    experimental: frozenset[str] = frozenset()
    experimental_all: bool = False
    error: bool = False

    def skips(self, check: str) -> bool:
        """Whether ``check`` does not run (an experimental check is never skipped, only not switched on)."""
        return check not in EXPERIMENTAL_CHECKS and (self.skip_all or check in self.skip)

    def enables(self, check: str) -> bool:
        return check in EXPERIMENTAL_CHECKS and (self.experimental_all or check in self.experimental)


def parse_check_options(value: str) -> CheckOptions:
    """BuildKit's ParseLintOptions of a `check` value (already cut at its first space)."""
    value = value.strip()
    options: dict[str, object] = {}
    if not value:
        return CheckOptions()
    for part in value.split(";", 2):
        key, equals, setting = part.partition("=")
        if not equals:
            raise InvalidCheckOptions(f"invalid check option {part!r}")
        key, setting = key.strip(), setting.strip()
        if key in ("skip", "experimental"):
            if setting == "all":
                options[f"{key}_all"] = True
            else:
                options[key] = frozenset(name.strip() for name in setting.split(","))
        elif key == "error":
            options["error"] = _go_bool(setting, part)
        else:
            raise InvalidCheckOptions(f"invalid check option {key!r}")
    return CheckOptions(**options)  # type: ignore[arg-type]


def _go_bool(text: str, part: str) -> bool:
    """Go's strconv.ParseBool."""
    if text in ("1", "t", "T", "true", "TRUE", "True"):
        return True
    if text in ("0", "f", "F", "false", "FALSE", "False"):
        return False
    raise InvalidCheckOptions(f"invalid check option {part!r}: {text!r} is not a boolean")


def file_check(lines: list[str]) -> tuple[str, int] | None:
    """The value of the file's `check` directive (cut at its first space) and its line, as BuildKit's
    ParseDirective finds it: in the comment lines that open the file (after a `#!` line), each starting with
    `#` in its first column; None when there is none."""
    first = 1 if lines and lines[0].startswith("#!") else 0
    seen: set[str] = set()
    for number, line in enumerate(lines[first:], start=first + 1):
        if not line.startswith("#"):
            return None
        match = _DIRECTIVE.fullmatch(line[1:].lstrip())
        name = match.group(1).lower() if match else ""
        if name not in _KNOWN_DIRECTIVES or name in seen:
            return None
        seen.add(name)
        if name == "check":
            assert match is not None
            return match.group(2).split(" ", 1)[0], number
    return None


def file_options(document: Dockerfile) -> CheckOptions | None:
    """The checks the file's `check` directive skips or switches on; None without one, or when it is malformed
    (the parser reports that: BuildKit refuses the build)."""
    found = file_check(document.lines)
    if found is None:
        return None
    try:
        return parse_check_options(found[0])
    except InvalidCheckOptions:
        return None


def instruction_check(instruction: Instruction) -> CheckOptions | None:
    """The checks a `# check=` comment right before ``instruction`` skips or switches on for it alone: the
    first comment that is a `check` directive counts; None without one, or when its value is malformed."""
    for comment in instruction.prev_comments:
        match = _DIRECTIVE.fullmatch(comment)
        if match is None or match.group(1).lower() not in _KNOWN_DIRECTIVES:
            continue
        if match.group(1).lower() != "check":
            continue
        try:
            return parse_check_options(match.group(2).split(" ", 1)[0])
        except InvalidCheckOptions:
            return None
    return None
