from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries import apt_installs_in, apt_quiet_level, command_span, insertion_after
from dockwright.findings import Edit, Finding, Fix, Severity
from dockwright.rules.base import Rule, register

_YES_SETTINGS = ("apt::get::assume-yes",)


@register
class AptGetMissingYes(Rule):
    id = "DF009"
    slug = "apt-get-missing-yes"
    severity = Severity.WARNING
    title = "`apt-get install` without `-y`"
    rationale = (
        'A build has no terminal to answer apt\'s "Do you want to continue? [Y/n]": without `-y` apt aborts '
        "as soon as an install needs confirmation, and the build fails (or, worse, works until a dependency "
        "change adds a package)."
    )
    bad = "FROM debian:12\nRUN apt-get update && apt-get install curl\n"
    good = "FROM debian:12\nRUN apt-get update && apt-get install -y curl\n"
    fix_title = "Add `-y` to `apt-get install`"
    equivalents = {"hadolint": "DL3014"}
    notes = (
        "`-y`, `--yes`, `--assume-yes`, a quiet level of two (`-qq`, `-q=2`, which implies `-y`) and "
        "`-o APT::Get::Assume-Yes=true` all count. `apt install` is checked too (hadolint only checks apt-get)."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for install in apt_installs_in(document):
            command = install.command
            if command.has_flag("-y", "--yes", "--assume-yes") or apt_quiet_level(command) >= 2:
                continue
            if any(install.options.get(s, "").lower() in ("true", "1", "yes") for s in _YES_SETTINGS):
                continue
            span, text = insertion_after(install.subcommand, "-y")
            yield self.finding(
                command_span(command, install.subcommand),
                f"`{install.manager} install` without `-y` stops at apt's confirmation prompt",
                Fix("Add `-y`", (Edit(span, text),), safe=True),
            )
