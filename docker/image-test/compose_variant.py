"""Write the variant of a compose file that the stack test runs with podman-compose 1.0.3, and say what changed.

podman-compose 1.0.3 differs from Docker Compose in ways that would make the test lie or fail, so the test
runs a generated copy of the file with a short, printed list of changes instead of the file itself:

- Variables are interpolated here, with Compose's own rules (Dockwright's compose-go port), and every `$`
  left is escaped as `$$`: podman-compose 1.0.3 does not know `${VAR:-}` (empty default) and leaves it as text.
- Only the services under test are kept (`--keep`); it has no `profiles` support and would start them all.
  Networks and volumes no kept service uses are dropped (it refuses declared networks nobody uses).
- Published ports are replaced (`--publish service:container=host`), always on 127.0.0.1: Compose merges
  `ports` lists from override files, so an override cannot replace them.
- `deploy.replicas` can be set (`--replicas service=N`); podman-compose honours it.
- Environment entries can be set (`--env service:NAME=value`), e.g. Docker's embedded DNS 127.0.0.11 replaced
  by the address where podman's aardvark-dns answers.
- `logging.options.tag` is dropped: podman's json-file driver is its k8s-file driver, which refuses --log-tag
  (the container does not start).
- A `depends_on` entry can be dropped (`--drop-depends service:dependency`): the test starts the services in
  Compose's order itself, and podman-compose would otherwise start an exited one-shot dependency again.
- A replicated service's exec-form healthcheck becomes the same command as one shell string: podman-compose
  1.0.3 pops the list in place while making the first replica, so the second gets a broken healthcheck.
  (The test itself runs the healthchecks of the original file, see compose_healthcheck.py.)

Everything else (images, commands, healthchecks, read_only, tmpfs, capabilities, volumes, networks) is kept.

Usage: compose_variant.py SOURCE OUTPUT --keep a,b [--publish s:80=18080]... [--replicas s=2]... [--env s:K=V]...
                          [--drop-depends s:dependency]...
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from dockwright.compose.interpolation import interpolate


class VariantError(Exception):
    pass


def interpolated(node: Any, env: dict[str, str], where: str = "") -> Any:
    """Interpolate every string of the document as Compose does, then escape `$` for podman-compose."""
    if isinstance(node, dict):
        return {key: interpolated(value, env, f"{where}.{key}") for key, value in node.items()}
    if isinstance(node, list):
        return [interpolated(value, env, f"{where}[{index}]") for index, value in enumerate(node)]
    if isinstance(node, str):
        result = interpolate(node, env)
        if result.issues:
            raise VariantError(f"{where}: {'; '.join(issue.message for issue in result.issues)}")
        return result.value.replace("$", "$$")
    return node


def used_names(services: dict[str, Any], key: str) -> set[str]:
    names: set[str] = set()
    for service in services.values():
        if key == "networks":
            networks = service.get("networks") or ["default"]
            names.update(networks if isinstance(networks, list) else networks.keys())
        else:
            for volume in service.get("volumes") or []:
                source = volume.get("source", "") if isinstance(volume, dict) else str(volume).split(":", 1)[0]
                names.add(source)
    return names


def make_variant(document: dict[str, Any], args: argparse.Namespace, env: dict[str, str]) -> list[str]:
    """Change ``document`` in place; return the list of changes, one sentence each."""
    changes: list[str] = []
    services: dict[str, Any] = document.get("services") or {}
    keep = [name for name in args.keep.split(",") if name]
    for name in keep:
        if name not in services:
            raise VariantError(f"service {name!r} is not in the file (it has {', '.join(services)})")
    dropped = [name for name in services if name not in keep]
    if dropped:
        changes.append(f"services left out (not under test; profiles unsupported): {', '.join(dropped)}")
    services = {name: services[name] for name in keep}
    for name, service in services.items():
        depends = service.get("depends_on")
        if isinstance(depends, dict):
            missing = [dep for dep in depends if dep not in services]
        else:
            missing = [dep for dep in depends or [] if dep not in services]
        if missing:
            raise VariantError(f"service {name!r} depends on {', '.join(missing)}, which --keep leaves out")
    for key in ("networks", "volumes"):
        declared = document.get(key) or {}
        used = used_names(services, key)
        unused = [name for name in declared if name not in used]
        if unused:
            changes.append(f"{key} no kept service uses, left out: {', '.join(unused)}")
            document[key] = {name: value for name, value in declared.items() if name in used}
    document.pop("name", None)  # podman-compose 1.0.3 ignores it; the test passes a unique -p instead
    document["services"] = interpolated(services, env, "services")
    services = document["services"]

    published: dict[str, list[str]] = {}
    for spec in args.publish:
        service, _, mapping = spec.partition(":")
        container, _, host = mapping.partition("=")
        published.setdefault(service, []).append(f"127.0.0.1:{host}:{container}")
    for name, ports in published.items():
        before = services[name].get("ports") or []
        services[name]["ports"] = ports
        changes.append(f"{name}: ports {before} -> {ports}")
    for spec in args.replicas:
        name, _, count = spec.partition("=")
        deploy = services[name].setdefault("deploy", {})
        changes.append(f"{name}: deploy.replicas {deploy.get('replicas', 1)} -> {count}")
        deploy["replicas"] = int(count)
    for name, service in services.items():
        options = (service.get("logging") or {}).get("options") or {}
        if "tag" in options:
            del options["tag"]
            changes.append(f"{name}: logging.options.tag dropped (podman's k8s-file log driver refuses it)")
        test = (service.get("healthcheck") or {}).get("test")
        replicas = int((service.get("deploy") or {}).get("replicas", 1))
        if replicas > 1 and isinstance(test, list) and test and test[0] in ("CMD", "CMD-SHELL"):
            command = shlex.join(test[1:]) if test[0] == "CMD" else " ".join(test[1:])
            service["healthcheck"]["test"] = command
            changes.append(f"{name}: healthcheck {test[0]} list -> the same command as a shell string")
    for spec in args.drop_depends:
        name, _, dependency = spec.partition(":")
        depends = services[name].get("depends_on")
        if not depends or dependency not in depends:
            raise VariantError(f"{name} does not depend on {dependency}")
        if isinstance(depends, dict):
            del depends[dependency]
        else:
            depends.remove(dependency)
        changes.append(f"{name}: depends_on {dependency} dropped (the test starts {dependency} first and waits for it)")
    for spec in args.env:
        name, _, assignment = spec.partition(":")
        key, _, value = assignment.partition("=")
        environment = services[name].setdefault("environment", {})
        if isinstance(environment, list):
            raise VariantError(f"{name}: --env needs the mapping form of environment")
        changes.append(f"{name}: environment {key} {environment.get(key)!r} -> {value!r}")
        environment[key] = value.replace("$", "$$")
    return changes


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--keep", required=True)
    parser.add_argument("--publish", action="append", default=[])
    parser.add_argument("--replicas", action="append", default=[])
    parser.add_argument("--env", action="append", default=[])
    parser.add_argument("--drop-depends", action="append", default=[])
    args = parser.parse_args(argv)
    try:
        # Pure Python: the C loader (ruamel.yaml.clib, when installed) rejects `[a:b]` in flow lists, Compose does not.
        document = YAML(typ="safe", pure=True).load(args.source.read_text()) or {}
        changes = make_variant(document, args, dict(os.environ))
    except (VariantError, OSError, KeyError) as exc:
        print(f"compose_variant: {exc}", file=sys.stderr)
        return 2
    # Written as JSON (which is YAML): every string quoted, so podman-compose's YAML 1.1 parser cannot turn
    # `"yes"` into a boolean as it would an unquoted yes.
    args.output.write_text(json.dumps(document, indent=2) + "\n")
    for change in changes:
        print(f"variant of {args.source.name}: {change}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
