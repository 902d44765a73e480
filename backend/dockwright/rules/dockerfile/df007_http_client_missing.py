from __future__ import annotations

import posixpath
from collections.abc import Iterator

from dockwright import knowledge
from dockwright.context import LintContext
from dockwright.data.images import facts_for
from dockwright.dockerfile.image import ImageRef
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.commands import programs_run
from dockwright.dockerfile.queries.packages import OS_TOOLS, package_commands
from dockwright.dockerfile.queries.paths import copy_paths
from dockwright.dockerfile.queries.stages import lineage_instructions
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

TOOLS = ("curl", "wget")
# Packages that put each tool on the PATH.
_PROVIDERS = {"curl": {"curl", "curl-minimal"}, "wget": {"wget", "wget2-wget", "busybox"}}


def shipped_tools(image: ImageRef) -> dict[str, bool]:
    """Which of curl and wget the image is known to contain (absent keys: unknown), from the image facts."""
    facts = facts_for(image)
    if facts is None:
        return {}
    known = {tool: facts.has(tool) for tool in TOOLS}
    return {tool: present for tool, present in known.items() if present is not None}


@register
class HttpClientMissing(Rule):
    id = "DF007"
    knows = staticmethod(knowledge.programs_on_path)
    slug = "http-client-missing"
    severity = Severity.ERROR
    title = "HEALTHCHECK or command uses curl/wget the image does not have"
    rationale = (
        "`HEALTHCHECK CMD curl ...` on an image without curl fails every time, so the container is marked "
        "unhealthy forever (and `depends_on: service_healthy` never starts its dependants) although the "
        "application is fine. Slim and distroless images ship neither curl nor wget; Alpine has only "
        "BusyBox's `wget`."
    )
    bad = (
        "FROM python:3.12-slim\nCOPY app.py /app/\n"
        'HEALTHCHECK CMD curl -fsS http://localhost:8000/health || exit 1\nCMD ["python", "/app/app.py"]\n'
    )
    good = (
        "FROM python:3.12-slim\nCOPY app.py /app/\n"
        'HEALTHCHECK CMD ["python", "-c", "import urllib.request as u; u.urlopen(\'http://localhost:8000/health\')"]\n'
        'CMD ["python", "/app/app.py"]\n'
    )
    fix_title = "Install the tool in the final stage, or check health with something the image has"
    notes = (
        "Only images whose contents the image facts (`dockwright/data/images.py`) record are judged (python, "
        "node and golang variants, debian, ubuntu, alpine, busybox, nginx, scratch, distroless and the other "
        "well-known images, each with its source); other base images are never reported. A package install (apt-get, "
        "apt, aptitude, apk, yum, dnf, microdnf, zypper), a COPY of a file named curl/wget, a COPY --from of a "
        "whole directory, or a RUN that itself runs the tool anywhere in the final stage's lineage counts as "
        "providing it."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        stage = document.final_stage
        if stage is None or stage.root_image is None:
            return
        image = stage.root_image
        shipped = shipped_tools(image)
        missing = [t for t in TOOLS if shipped.get(t) is False]
        if not missing:
            return
        instructions = lineage_instructions(stage)
        provided: set[str] | None = None  # worked out on the first use of a missing tool (most files have none)
        for instruction in instructions:
            if instruction.keyword not in ("HEALTHCHECK", "CMD", "ENTRYPOINT"):
                continue
            for use in programs_run(instruction):
                if use.program not in missing:
                    continue
                if provided is None:
                    provided = _provided_tools(instructions)
                if use.program not in provided:
                    consequence = (
                        Message("the health check will always fail")
                        if instruction.keyword == "HEALTHCHECK"
                        else Message("the {keyword} will fail", keyword=instruction.keyword)
                    )
                    yield self.finding(
                        use.span,
                        Message(
                            "`{program}` is not in `{image}` and nothing in the final stage installs it: {consequence}",
                            program=use.program,
                            image=image.raw,
                            consequence=consequence,
                        ),
                    )


def _provided_tools(instructions: list[Instruction]) -> set[str]:
    provided: set[str] = set()
    for instruction in instructions:
        if instruction.keyword == "RUN":
            for use in package_commands(instruction, *OS_TOOLS):
                names = {use.tool.package_name(p.value) for p in use.packages}
                provided.update(t for t in TOOLS if names & _PROVIDERS[t])
            provided.update(u.program for u in programs_run(instruction) if u.program in TOOLS)
        elif instruction.keyword in ("COPY", "ADD"):
            paths = copy_paths(instruction)
            if paths is None:
                continue
            names = {posixpath.basename(w.value.rstrip("/")) for w in (*paths.sources, paths.destination) if w}
            provided.update(t for t in TOOLS if t in names)
            if paths.from_stage and any(_is_directory_copy(w.value) for w in paths.sources):
                provided.update(TOOLS)  # a whole directory from elsewhere may well hold the tool
    return provided


def _is_directory_copy(source: str) -> bool:
    return source.endswith("/") or posixpath.basename(source) in ("", "bin", "sbin", ".") or "*" in source
