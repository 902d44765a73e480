"""Write the variant of the Kubernetes manifests (deploy/kubernetes/) that podman 4.3's `kube play` runs, and say
what changed.

`podman kube play` runs Pods and Deployments with their ConfigMaps, security contexts, resources, emptyDir volumes
and secretKeyRef lookups, but it is not a cluster, so the test plays a generated copy with a short, printed list
of changes instead of the files themselves:

- The migration Job becomes a Pod of the Job's own pod template (`migrate.yaml`, played and awaited first): kube play
  has no Jobs.
- Resources kube play does not run are left out: Namespace, Service, PodDisruptionBudget, Ingress,
  HorizontalPodAutoscaler. Deployments not asked for (`--keep`) are left out too.
- Every Deployment runs one replica, and every container the image under test (`--image`, pull policy Never).
- Named container ports can be published on 127.0.0.1 (`--publish deployment:port=hostport`): there is no Service.
- ConfigMap entries can be set (`--config NAME=value`), e.g. a host name to allow or a shorter retention interval.
- podman 4.3 cannot read back a Secret it creates from kube YAML (it stores the YAML and reads JSON), so the
  Secret is written as the podman secret JSON its secretKeyRef lookup reads (`secret.json`, values from
  `--secret key=value`); every key the manifests reference must be given.

Everything else (commands, env, envFrom, probes, securityContext, resources, volumes) is kept as written.

Usage: kube_variant.py MANIFESTS OUTPUT_DIR --image IMAGE --keep a,b [--publish d:port=N]... [--config K=V]...
                       [--secret key=value]...
"""

from __future__ import annotations

import argparse
import base64
import copy
import json
import sys
from pathlib import Path
from typing import Any

import yaml

NOT_PLAYED = ("Namespace", "Service", "PodDisruptionBudget", "Ingress", "HorizontalPodAutoscaler")


class VariantError(Exception):
    pass


def load(manifests: Path) -> list[dict[str, Any]]:
    """The resources the kustomization lists, in its order."""
    kustomization = yaml.safe_load((manifests / "kustomization.yaml").read_text())
    return [
        doc for name in kustomization["resources"] for doc in yaml.safe_load_all((manifests / name).read_text()) if doc
    ]


def pairs(items: list[str], what: str) -> dict[str, str]:
    found = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise VariantError(f"{what} {item!r} is not NAME=VALUE")
        found[name] = value
    return found


def secret_keys(resources: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Every Secret the workloads reference, with the keys they read."""
    keys: dict[str, set[str]] = {}
    for doc in resources:
        if doc["kind"] not in ("Deployment", "Job"):
            continue
        for container in doc["spec"]["template"]["spec"]["containers"]:
            for variable in container.get("env", []):
                reference = variable.get("valueFrom", {}).get("secretKeyRef")
                if reference:
                    keys.setdefault(reference["name"], set()).add(reference["key"])
    return keys


def _clean(doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc["metadata"].pop("namespace", None)
    return doc


def _run_image(spec: dict[str, Any], image: str) -> None:
    for container in spec["containers"]:
        container["image"] = image
        container["imagePullPolicy"] = "Never"


def variant(
    resources: list[dict[str, Any]],
    *,
    image: str,
    keep: list[str],
    publish: dict[str, str],
    config: dict[str, str],
    secrets: dict[str, str],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, dict[str, str]], list[str]]:
    """(migrate documents, app documents, podman secrets by name, changes made)."""
    changes: list[str] = []
    configmaps = []
    migrate: list[dict[str, Any]] = []
    app: list[dict[str, Any]] = []
    names = {doc["metadata"]["name"] for doc in resources if doc["kind"] == "Deployment"}
    if missing := set(keep) - names:
        raise VariantError(f"--keep names no Deployment: {sorted(missing)}")
    for doc in resources:
        kind, name = doc["kind"], doc["metadata"]["name"]
        if kind == "ConfigMap":
            configmap = _clean(doc)
            for key, value in config.items():
                if key not in configmap["data"]:
                    raise VariantError(f"--config {key}: not a key of ConfigMap {name}")
                changes.append(f"ConfigMap {name}: {key}={value} (was {configmap['data'][key]})")
                configmap["data"][key] = value
            configmaps.append(configmap)
        elif kind == "Job":
            template = copy.deepcopy(doc["spec"]["template"])
            _run_image(template["spec"], image)
            migrate.append({"apiVersion": "v1", "kind": "Pod", "metadata": {**template["metadata"], "name": name},
                            "spec": template["spec"]})  # fmt: skip
            changes.append(f"Job {name}: played as a Pod of its pod template (kube play has no Jobs)")
        elif kind == "Deployment":
            if name not in keep:
                changes.append(f"Deployment {name}: left out (not under test)")
                continue
            deployment = _clean(doc)
            if deployment["spec"].get("replicas", 1) != 1:
                changes.append(f"Deployment {name}: 1 replica (was {deployment['spec']['replicas']})")
            deployment["spec"]["replicas"] = 1
            _run_image(deployment["spec"]["template"]["spec"], image)
            app.append(deployment)
        elif kind in NOT_PLAYED:
            changes.append(f"{kind} {name}: left out (kube play does not run it)")
        else:
            raise VariantError(f"{kind} {name}: the variant does not know how to play it")
    for target, host_port in publish.items():
        deployment_name, _, port_name = target.partition(":")
        deployment = next((doc for doc in app if doc["metadata"]["name"] == deployment_name), None)
        ports = [
            port
            for container in (deployment or {})
            .get("spec", {})
            .get("template", {})
            .get("spec", {})
            .get("containers", [])
            for port in container.get("ports", [])
            if port.get("name") == port_name
        ]
        if not ports:
            raise VariantError(f"--publish {target}: no kept Deployment has that named port")
        ports[0].update(hostPort=int(host_port), hostIP="127.0.0.1")
        changes.append(f"Deployment {deployment_name}: port {port_name} published on 127.0.0.1:{host_port}")
    wanted = secret_keys([doc for doc in resources if doc["kind"] == "Job"] + app)
    podman_secrets = {}
    for secret, keys in sorted(wanted.items()):
        if missing := keys - set(secrets):
            raise VariantError(f"Secret {secret}: no --secret for {sorted(missing)}")
        podman_secrets[secret] = {key: base64.b64encode(secrets[key].encode()).decode() for key in sorted(keys)}
        changes.append(f"Secret {secret}: a podman secret with the keys {', '.join(sorted(keys))}")
    return configmaps + migrate, configmaps + app, podman_secrets, changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifests", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--image", required=True)
    parser.add_argument("--keep", required=True, help="comma-separated Deployment names")
    parser.add_argument("--publish", action="append", default=[], help="deployment:port=hostport")
    parser.add_argument("--config", action="append", default=[], help="NAME=value of the ConfigMap")
    parser.add_argument("--secret", action="append", default=[], help="key=value of the Secret")
    args = parser.parse_args(argv)
    try:
        migrate, app, podman_secrets, changes = variant(
            load(args.manifests),
            image=args.image,
            keep=[name for name in args.keep.split(",") if name],
            publish=pairs(args.publish, "--publish"),
            config=pairs(args.config, "--config"),
            secrets=pairs(args.secret, "--secret"),
        )
    except VariantError as error:
        print(f"kube_variant: {error}", file=sys.stderr)
        return 2
    args.output.mkdir(parents=True, exist_ok=True)
    (args.output / "migrate.yaml").write_text(yaml.safe_dump_all(migrate, sort_keys=False))
    (args.output / "app.yaml").write_text(yaml.safe_dump_all(app, sort_keys=False))
    for name, data in podman_secrets.items():
        secret_file = args.output / f"secret-{name}.json"
        secret_file.touch(mode=0o600)
        secret_file.write_text(json.dumps(data))
    for change in changes:
        print(f"  variant: {change}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
