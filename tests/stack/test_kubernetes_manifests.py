"""The Kubernetes manifests (deploy/kubernetes/): every one valid against the Kubernetes API schemas in strict mode
(unknown fields refused), offline with the schemas kubernetes-validate ships, and every pod as locked down as the
production compose file runs the image: non-root, read-only root with an emptyDir wherever the image writes, no
capabilities, no privilege escalation, the runtime's seccomp profile, requests and limits; secrets only by reference.
`tests/image` (the `kube` part of docker/image-test/run.sh) plays them with podman."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from tests.stack.stack_support import REPO

pytestmark = pytest.mark.stack

MANIFESTS = REPO / "deploy" / "kubernetes"
# The newest Kubernetes whose schemas kubernetes-validate ships, and one three minor releases older, for clusters
# that lag behind.
VERSIONS = ("1.34.0", "1.37.0")
SECRET_KEYS = {"django-secret-key", "database-url", "redis-url", "broker-url"}


def _files() -> list[Path]:
    return sorted(path for path in MANIFESTS.glob("*.yaml") if path.name != "kustomization.yaml")


def _resources() -> list[dict[str, Any]]:
    return [doc for path in _files() for doc in yaml.safe_load_all(path.read_text()) if doc]


def _kind(kind: str) -> list[dict[str, Any]]:
    return [doc for doc in _resources() if doc["kind"] == kind]


def _named(kind: str, name: str) -> dict[str, Any]:
    return next(doc for doc in _kind(kind) if doc["metadata"]["name"] == name)


def _pod_specs() -> list[tuple[str, dict[str, Any]]]:
    """(resource name, pod spec) of every workload."""
    return [
        (doc["metadata"]["name"], doc["spec"]["template"]["spec"])
        for doc in _resources()
        if doc["kind"] in ("Deployment", "Job", "StatefulSet", "DaemonSet")
    ]


def _containers() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    return [(name, spec, container) for name, spec in _pod_specs() for container in spec["containers"]]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("path", _files(), ids=lambda path: path.name)
def test_every_manifest_is_valid_in_strict_mode(path: Path, version: str) -> None:
    documents = [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    assert documents, f"{path.name} holds no resource"
    for document in documents:
        kubernetes_validate.validate(document, version, strict=True)


def test_an_unknown_field_is_refused_so_strict_mode_is_real() -> None:
    service = _named("Service", "dockwright-web")
    broken = {**service, "spec": {**service["spec"], "replicas": 3}}

    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, VERSIONS[-1], strict=True)


def test_the_kustomization_lists_every_manifest_and_sets_the_image() -> None:
    kustomization = yaml.safe_load((MANIFESTS / "kustomization.yaml").read_text())

    assert sorted(kustomization["resources"]) == [path.name for path in _files()]
    assert kustomization["namespace"] == _named("Namespace", "dockwright")["metadata"]["name"]
    placeholder = {image["name"] for image in kustomization["images"]}
    assert {container["image"].rsplit(":", 1)[0] for _, _, container in _containers()} == placeholder


def test_every_pod_runs_non_root_without_privileges_and_with_the_runtimes_seccomp_profile() -> None:
    for name, spec in _pod_specs():
        pod = spec["securityContext"]
        assert pod["runAsNonRoot"] is True and pod["runAsUser"] == 10001, name
        assert pod["seccompProfile"] == {"type": "RuntimeDefault"}, name
        assert spec["automountServiceAccountToken"] is False, name
        for container in spec["containers"]:
            context = container["securityContext"]
            assert context["allowPrivilegeEscalation"] is False, name
            assert context["readOnlyRootFilesystem"] is True, name
            assert context["capabilities"] == {"drop": ["ALL"]}, name
            assert context["seccompProfile"] == {"type": "RuntimeDefault"}, name


def test_every_path_the_image_writes_is_an_emptydir() -> None:
    """The image's ENV puts everything it writes under /tmp (NGINX_RUN_DIR, DOCKWRIGHT_DATA_DIR, the metrics
    files, the scheduler's schedule file, Django's uploads); the compose file mounts a tmpfs there."""
    dockerfile = (REPO / "docker" / "Dockerfile").read_text()
    runtime = dockerfile[dockerfile.index("AS runtime") :]
    written = {
        match.group(1): match.group(2)
        for match in re.finditer(r"\b(NGINX_RUN_DIR|DOCKWRIGHT_DATA_DIR|PROMETHEUS_MULTIPROC_DIR)=(\S+)", runtime)
    }
    assert len(written) == 3 and all(path.startswith("/tmp/") for path in written.values()), written
    for name, spec, container in _containers():
        volumes = {volume["name"]: volume for volume in spec["volumes"]}
        mounts = {mount["mountPath"]: volumes[mount["name"]] for mount in container["volumeMounts"]}
        assert "emptyDir" in mounts["/tmp"], name
        assert mounts["/tmp"]["emptyDir"]["sizeLimit"], f"{name}: an emptyDir without sizeLimit can fill the node"


def test_every_container_has_requests_and_limits() -> None:
    for name, _, container in _containers():
        resources = container["resources"]
        for kind in ("requests", "limits"):
            assert {"cpu", "memory", "ephemeral-storage"} <= set(resources[kind]), f"{name} {kind}"


def test_secrets_are_only_referenced_never_committed() -> None:
    assert not _kind("Secret"), "Secret values are created in the cluster (README.md), never committed"
    for name, _, container in _containers():
        for variable in container.get("env", []):
            if "value" in variable:
                assert not re.search(r"SECRET|PASSWORD|TOKEN|_URL$", variable["name"]), f"{name}: {variable['name']}"
                continue
            reference = variable["valueFrom"]["secretKeyRef"]
            assert reference["name"] == "dockwright" and reference["key"] in SECRET_KEYS, name
    readme = (REPO / "README.md").read_text()
    for key in SECRET_KEYS:
        assert f"--from-literal={key}=" in readme, f"README.md does not say how to create the Secret's {key}"


def test_the_settings_in_the_configmap_are_documented_settings() -> None:
    documented = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", (REPO / ".env.example").read_text(), re.MULTILINE))
    config = _named("ConfigMap", "dockwright")["data"]

    assert set(config) - documented == set()
    assert "localhost" in config["DJANGO_ALLOWED_HOSTS"].split(",")  # the probes' Host


def test_every_container_runs_a_command_start_sh_knows() -> None:
    start = (REPO / "start.sh").read_text()
    commands = set(re.findall(r"^  ([a-z]+)\)$", start, re.MULTILINE))
    found = {container["args"][0] for _, _, container in _containers()}

    assert found == {"serve", "worker", "scheduler", "migrate"}
    assert found <= commands


def test_the_web_probes_ask_djangos_health_routes_by_an_allowed_host() -> None:
    urls = (REPO / "backend" / "server" / "urls.py").read_text()
    web = _named("Deployment", "dockwright-web")["spec"]["template"]["spec"]["containers"][0]
    ports = {port["name"]: port["containerPort"] for port in web["ports"]}

    assert ports == {"http": 8080, "metrics": 8081}  # the image's EXPOSE and NGINX_PORT / NGINX_METRICS_PORT
    for probe, path in (("startupProbe", "/health"), ("livenessProbe", "/health"), ("readinessProbe", "/health/ready")):
        get = web[probe]["httpGet"]
        assert get["path"] == path and get["port"] == "http", probe
        assert f'path("{path.lstrip("/")}",' in urls
        assert get["httpHeaders"] == [{"name": "Host", "value": "localhost"}], probe


def test_one_scheduler_ever_and_the_workers_scale_on_their_cpu() -> None:
    scheduler = _named("Deployment", "dockwright-scheduler")
    assert scheduler["spec"]["replicas"] == 1
    assert scheduler["spec"]["strategy"] == {"type": "Recreate"}  # never an old and a new one side by side
    targets = {hpa["spec"]["scaleTargetRef"]["name"] for hpa in _kind("HorizontalPodAutoscaler")}
    assert targets == {"dockwright-worker"}
    worker = _named("Deployment", "dockwright-worker")["spec"]["template"]["spec"]["containers"][0]
    assert worker["resources"]["requests"]["cpu"]  # what utilisation is measured against


def test_the_service_selects_the_web_pods_and_names_their_ports() -> None:
    service = _named("Service", "dockwright-web")["spec"]
    web = _named("Deployment", "dockwright-web")["spec"]

    assert service["selector"] == web["template"]["metadata"]["labels"] == web["selector"]["matchLabels"]
    assert {port["targetPort"] for port in service["ports"]} == {
        port["name"] for port in web["template"]["spec"]["containers"][0]["ports"]
    }
    assert _named("PodDisruptionBudget", "dockwright-web")["spec"]["selector"]["matchLabels"] == service["selector"]


def test_the_ingress_takes_archives_up_to_the_pods_own_limit() -> None:
    archive_bytes = int(_named("ConfigMap", "dockwright")["data"]["DOCKWRIGHT_ARCHIVE_MAX_BYTES"])
    ingress = _named("Ingress", "dockwright")

    # start.sh: NGINX_ARCHIVE_MAX_BODY_SIZE = DOCKWRIGHT_ARCHIVE_MAX_BYTES + 65536
    assert "${DOCKWRIGHT_ARCHIVE_MAX_BYTES:-20971520} + 65536" in (REPO / "start.sh").read_text()
    assert ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"] == str(
        archive_bytes + 65536
    )
