from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Stage
from dockwright.dockerfile.queries.packages import OS_TOOLS, PackageCommand, package_commands
from dockwright.dockerfile.queries.stages import final_image_stages, lineage_instructions
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message, and_list
from dockwright.rules.base import Rule, register

# Packages that build software rather than run it: compilers, build tools, headers, version control.
_TOOLCHAIN = frozenset(
    {
        *("build-essential", "build-base", "alpine-sdk", "gcc", "g++", "gcc-c++", "clang", "llvm", "gfortran"),
        *("make", "cmake", "ninja-build", "autoconf", "automake", "libtool", "pkg-config", "pkgconf", "pkgconfig"),
        *("musl-dev", "linux-headers", "git", "golang", "go", "rustc", "cargo"),
    }
)
_VERSIONED = re.compile(r"^(gcc|g\+\+|clang|llvm)-\d+$")
_REMOVING = frozenset({"remove", "purge", "autoremove", "autopurge", "del", "erase"})
# Images that are a build toolchain themselves (the SDK, not a runtime).
_SDK_IMAGES = {
    "golang": Message("the Go toolchain"),
    "rust": Message("the Rust toolchain"),
    "maven": Message("Maven, the JDK and ~/.m2"),
    "gradle": Message("Gradle and the JDK"),
    "buildpack-deps": Message("compilers and headers"),
    "dotnet/sdk": Message("the .NET SDK"),
}
# Dockerfiles for development, where the toolchain is the point.
_DEV_NAME = re.compile(r"(^|[.\-_/])(dev|devel|development|devcontainer|ci|test)([.\-_/]|$)", re.IGNORECASE)


def is_toolchain(package: str) -> bool:
    return (
        package in _TOOLCHAIN
        or package.endswith(("-dev", "-devel"))
        or package.startswith("linux-headers")
        or (package[:1] in ("g", "c", "l") and bool(_VERSIONED.match(package)))
    )


@register
class BuildToolchainShipped(Rule):
    id = "DF109"
    slug = "build-toolchain-shipped"
    severity = Severity.WARNING
    title = "Compilers, headers or the SDK ship in the final image"
    rationale = (
        "A compiler, `-dev` headers, git or a whole SDK are needed to build, not to run: in the final image "
        "they add hundreds of megabytes, CVEs to patch and tools for an attacker. A builder stage installs "
        "them, builds, and the final stage copies only the result (a binary, a wheelhouse, a venv)."
    )
    bad = (
        "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\n"
        'CMD ["python", "app.py"]\n'
    )
    good = (
        "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends "
        "gcc libpq-dev\nRUN pip wheel --wheel-dir /wheels psycopg2\nFROM python:3.12-slim\n"
        "COPY --from=builder /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*\n"
        'CMD ["python", "app.py"]\n'
    )
    fix_title = "Install them in a builder stage and copy only what it builds into the final stage"
    notes = (
        "Checked in the final stage and the stages it builds on (`FROM base`), for images that run something "
        "(a CMD or ENTRYPOINT): apt, apk, yum, dnf, microdnf and zypper installs of compilers and build tools, "
        "`*-dev`/`*-devel` headers and git, unless the same lineage removes them again (`apk del` of the "
        "`--virtual` group included); and a final stage on an SDK image (golang, rust, maven, gradle, "
        "buildpack-deps, dotnet/sdk). Dockerfiles named for development (`Dockerfile.dev`, `ci.Dockerfile`, a "
        "devcontainer) are left alone."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        final = document.final_stage
        if final is None or (context.filename and _DEV_NAME.search(context.filename.replace("\\", "/"))):
            return
        instructions = lineage_instructions(final)
        if not any(i.keyword in ("CMD", "ENTRYPOINT") for i in instructions):
            return
        sdk = _sdk(final)
        if sdk is not None:
            yield self.finding(
                final.lineage[-1].image_span,
                Message(
                    "the final image is built on {image_text}, which holds {sdk}: all of it ships with the "
                    "application; build in a stage on this image and copy the result into a runtime image",
                    image_text=final.lineage[-1].image_text,
                    sdk=sdk,
                ),
            )
            return
        stages = {stage.index for stage in final_image_stages(document)}
        if not _installs_toolchain(document, stages):
            return
        uses = [
            use
            for use in package_commands(document, *OS_TOOLS)
            if use.instruction.parent is None
            and use.instruction.stage is not None
            and use.instruction.stage.index in stages
        ]
        removed = _removed(uses)
        for position, use in enumerate(uses):
            if use.action not in use.tool.installing or _virtual(use) in removed:
                continue
            later = _removed_after(uses, position)
            words = [
                w
                for w in use.packages
                if w.literal
                and is_toolchain(use.tool.package_name(w.value))
                and use.tool.package_name(w.value) not in later
            ]
            if not words:
                continue
            names = [use.tool.package_name(w.value) for w in words]
            where = _where(use, final)
            yield self.finding(
                words[0].span.cover(words[-1].span),
                Message(
                    "{listed} ship in the final image{where}: needed to build, not to run, they add size, "
                    "CVEs and tools for an attacker; install them in a builder stage and copy only what it "
                    "builds",
                    listed=_listed(names),
                    where=where,
                )
                if len(names) > 1
                else Message(
                    "{listed} ships in the final image{where}: needed to build, not to run, it adds size, "
                    "CVEs and tools for an attacker; install them in a builder stage and copy only what it "
                    "builds",
                    listed=_listed(names),
                    where=where,
                ),
            )


def _installs_toolchain(document: Dockerfile, stages: set[int]) -> bool:
    """A cheap first look: does a package tool in the shipped stages name something like a toolchain package?
    Reading the commands through the package tables costs more, and most images install none."""
    index = document.run_commands_by_program
    located = (pair for tool in OS_TOOLS for program in tool.programs for pair in index.get(program, ()))
    for instruction, command in located:
        stage = instruction.stage
        if stage is None or stage.index not in stages or instruction.parent is not None:
            continue
        if any(is_toolchain(arg.value.split("=", 1)[0].split("~", 1)[0]) for arg in command.args):
            return True
    return False


def _sdk(stage: Stage) -> str | None:
    image = stage.root_image
    if image is None:
        return None
    return _SDK_IMAGES.get("dotnet/sdk" if image.repository.endswith("dotnet/sdk") else image.name)


def _virtual(use: PackageCommand) -> str | None:
    """The group name of `apk add --virtual .build-deps ...`."""
    args = list(use.args)
    for index, arg in enumerate(args):
        if arg.value in ("--virtual", "-t") and index + 1 < len(args):
            return args[index + 1].value
        if arg.value.startswith("--virtual="):
            return arg.value.split("=", 1)[1]
    return None


def _removed(uses: list[PackageCommand]) -> set[str]:
    """Every name a command of the lineage removes, as written (an apk `--virtual` group's too)."""
    return {w.value for use in uses if use.action in _REMOVING for w in use.operands if w.literal}


def _removed_after(uses: list[PackageCommand], position: int) -> set[str]:
    """Packages a later command of the lineage removes (`apt-get purge -y gcc`)."""
    names: set[str] = set()
    for use in uses[position + 1 :]:
        if use.action in _REMOVING:
            names.update(use.tool.package_name(w.value) for w in use.operands if w.literal)
    return names


def _where(use: PackageCommand, final: Stage) -> str:
    stage = use.instruction.stage
    if stage is None or stage.index == final.index:
        return ""
    name = stage.name or f"stage {stage.index}"
    return Message(" (installed in `{name}`, which the final stage builds on)", name=name)


def _listed(names: list[str]) -> str:
    quoted: list[str] = [f"`{name}`" for name in names[:5]]
    if len(names) > 5:
        quoted.append(Message("{count} more", count=len(names) - 5))
    return and_list(quoted)
