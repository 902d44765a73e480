"""The variant of the Kubernetes manifests that `podman kube play` runs (docker/image-test/kube_variant.py), made
from the real deploy/kubernetes/: only the listed changes, each one reported, and nothing played that is not in
the manifests."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
MANIFESTS = REPO / "deploy" / "kubernetes"
SECRETS = {
    "django-secret-key": "k",
    "database-url": "postgres://db/x",
    "redis-url": "redis://r/1",
    "broker-url": "redis://r/2",
}
KEEP = ["dockwright-web", "dockwright-worker", "dockwright-scheduler"]


def _variant(kube_variant: ModuleType, **options: Any) -> tuple[list, list, dict, list[str]]:
    arguments: dict[str, Any] = {
        "image": "localhost/dockwright:test",
        "keep": KEEP,
        "publish": {},
        "config": {},
        "secrets": SECRETS,
        **options,
    }
    return kube_variant.variant(kube_variant.load(MANIFESTS), **arguments)


def _kinds(documents: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(doc["kind"], doc["metadata"]["name"]) for doc in documents]


def test_the_job_becomes_a_pod_of_its_own_template_played_first(kube_variant: ModuleType) -> None:
    migrate, _, _, changes = _variant(kube_variant)

    assert _kinds(migrate) == [("ConfigMap", "dockwright"), ("Pod", "dockwright-migrate")]
    job = yaml.safe_load((MANIFESTS / "migrate-job.yaml").read_text())["spec"]["template"]["spec"]
    pod = migrate[1]["spec"]
    assert pod["containers"][0]["image"] == "localhost/dockwright:test"
    assert {**pod["containers"][0], "image": None, "imagePullPolicy": None} == {
        **job["containers"][0],
        "image": None,
        "imagePullPolicy": None,
    }
    assert pod["restartPolicy"] == "Never" and pod["securityContext"] == job["securityContext"]
    assert any("Job dockwright-migrate: played as a Pod" in change for change in changes)


def test_deployments_run_once_on_the_image_under_test_and_the_rest_is_reported(kube_variant: ModuleType) -> None:
    _, app, _, changes = _variant(kube_variant)

    assert _kinds(app) == [("ConfigMap", "dockwright")] + [("Deployment", name) for name in KEEP]
    for deployment in app[1:]:
        assert deployment["spec"]["replicas"] == 1
        source = next(
            doc
            for path in MANIFESTS.glob("*.yaml")
            for doc in yaml.safe_load_all(path.read_text())
            if doc and doc["kind"] == "Deployment" and doc["metadata"]["name"] == deployment["metadata"]["name"]
        )
        container, original = deployment["spec"]["template"]["spec"]["containers"][0], source["spec"]["template"]
        assert container["image"] == "localhost/dockwright:test" and container["imagePullPolicy"] == "Never"
        # Probes, security context, resources and volumes are played as written.
        for key in ("args", "env", "envFrom", "resources", "securityContext", "volumeMounts"):
            assert container.get(key) == original["spec"]["containers"][0].get(key), key
        assert deployment["spec"]["template"]["spec"]["volumes"] == original["spec"]["volumes"]
        assert "namespace" not in deployment["metadata"]
    assert "Deployment dockwright-web: 1 replica (was 3)" in changes
    for left_out in ("Namespace dockwright", "Service dockwright-web", "PodDisruptionBudget dockwright-web",
                     "Ingress dockwright", "HorizontalPodAutoscaler dockwright-worker"):  # fmt: skip
        assert f"{left_out}: left out (kube play does not run it)" in changes


def test_ports_config_and_secrets_are_set_and_reported(kube_variant: ModuleType) -> None:
    _, app, secrets, changes = _variant(
        kube_variant,
        publish={"dockwright-web:http": "18080"},
        config={"DOCKWRIGHT_RETENTION_INTERVAL_SECONDS": "5"},
    )

    web = app[1]["spec"]["template"]["spec"]["containers"][0]
    assert web["ports"][0] == {"name": "http", "containerPort": 8080, "hostPort": 18080, "hostIP": "127.0.0.1"}
    assert app[0]["data"]["DOCKWRIGHT_RETENTION_INTERVAL_SECONDS"] == "5"
    assert "ConfigMap dockwright: DOCKWRIGHT_RETENTION_INTERVAL_SECONDS=5 (was 3600)" in changes
    # The JSON podman's secretKeyRef lookup reads: each value base64, as a Secret's data.
    assert set(secrets) == {"dockwright"}
    assert {key: base64.b64decode(value).decode() for key, value in secrets["dockwright"].items()} == SECRETS
    json.dumps(secrets)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"keep": ["dockwright-nothing"]}, "--keep names no Deployment"),
        ({"config": {"NOT_A_SETTING": "1"}}, "not a key of ConfigMap"),
        ({"publish": {"dockwright-worker:http": "1"}}, "no kept Deployment has that named port"),
        ({"secrets": {"django-secret-key": "k"}}, "no --secret for"),
    ],
)
def test_what_it_cannot_do_is_refused_with_the_reason(
    kube_variant: ModuleType, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(kube_variant.VariantError, match=message):
        _variant(kube_variant, **options)


def test_the_command_line_writes_the_files_the_test_plays(kube_variant: ModuleType, tmp_path: Path) -> None:
    argv = [str(MANIFESTS), str(tmp_path), "--image", "localhost/dockwright:test", "--keep", ",".join(KEEP)]
    argv += [f"--secret={key}={value}" for key, value in SECRETS.items()]

    assert kube_variant.main(argv) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == ["app.yaml", "migrate.yaml", "secret-dockwright.json"]
    assert (tmp_path / "secret-dockwright.json").stat().st_mode & 0o077 == 0
    assert kube_variant.main([*argv[:4], "--keep", "nope"]) == 2
