from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.findings import Finding, Severity
from dockwright.rules.base import Rule, register
from dockwright.rules.dockerfile._commands import operands, pip_args, run_instructions

# pip options whose value is a separate word; the value is not a package.
VALUE_FLAGS = frozenset(
    [
        "-b",
        "--build",
        "-e",
        "--editable",
        "--extra-index-url",
        "-f",
        "--find-links",
        "-i",
        "--index-url",
        "--implementation",
        "--no-binary",
        "--only-binary",
        "--platform",
        "--prefix",
        "--progress-bar",
        "--proxy",
        "--python-version",
        "--root",
        "--src",
        "-t",
        "--target",
        "--trusted-host",
        "--upgrade-strategy",
        "--abi",
        "--cache-dir",
        "--log",
        "--report",
        "-C",
        "--config-settings",
    ]
)
VERSION_MARKS = ("==", ">=", "<=", "~=", "!=", ">", "<", "===")
VCS_PREFIXES = ("git+", "hg+", "svn+", "bzr+", "git://")


@register
class PipUnpinned(Rule):
    id = "DF052"
    slug = "pip-unpinned"
    severity = Severity.WARNING
    title = "pip installs a package without a version"
    rationale = (
        "`pip install flask` installs whatever is newest on the day of the build, so two builds of the same "
        "Dockerfile differ, and a new major release can break the image without any change to the code."
    )
    bad = "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n"
    good = "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n"
    fix_title = "Pin the version (`flask==3.0.3`) or install from a requirements or constraints file"
    equivalents = {"hadolint": "DL3013"}
    notes = "Each unpinned package is reported at its own position; a package given through a variable is skipped."

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for _, script in run_instructions(document):
            for command in script.all_commands:
                args = pip_args(command)
                if args is None:
                    continue
                words = operands(args, VALUE_FLAGS)
                if not words or words[0].value != "install":
                    continue
                values = {a.value for a in args}
                if values & {"-r", "--requirement", "-c", "--constraint", "."} or any(
                    a.value.startswith(("--requirement=", "--constraint=", "-r", "-c")) and a.is_flag for a in args
                ):
                    continue
                for word in words[1:]:
                    if word.literal and not _pinned(word.value):
                        yield self.finding(word.span, f"`{word.value}` is installed by pip without a version")


def _pinned(package: str) -> bool:
    if any(mark in package for mark in VERSION_MARKS):
        return True
    if package.startswith(VCS_PREFIXES):
        return "@" in package.split("://", 1)[-1]
    return package.endswith((".whl", ".tar.gz", ".zip")) or "/" in package or package.startswith(".")
