import pytest

from dockwright.detect import detect_kind
from dockwright.lint import lint
from tests.engine.rule_table import rule_table

K8S = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n"
TRIGGERS = [
    (K8S, 1, 1),
    (K8S + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n", 1, 1),
    ("apiVersion: v2\nname: shop\nversion: 1.2.0\n", 1, 1),
    ("name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n", 1, 1),
    ("stages: [test]\ntest:\n  image: python:3.13\n  script: [pytest]\n", 1, 1),
    ("openapi: 3.1.0\ninfo:\n  title: API\n  version: '1'\npaths: {}\n", 1, 1),
    ("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", 1, 1),
    ("- hosts: all\n  tasks: []\n", 1, 1),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.29.3\n",
    # Compose's own keys win, whatever else the file holds.
    "x-kind: Deployment\nservices:\n  web:\n    image: nginx:1.29.3\n    labels:\n      kind: web\n",
    "include:\n  - db.yaml\n",
    "volumes:\n  data:\n",
    "# dockwright ignore=DC038\napiVersion: v1\nkind: ConfigMap\n",
]

test_triggers, test_near_misses = rule_table("DC038", TRIGGERS, NEAR_MISSES, kind="compose")


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (K8S, "a Kubernetes Deployment"),
        ("- hosts: all\n", "an Ansible playbook"),
        (TRIGGERS[3][0], "a GitHub Actions workflow"),
    ],
)
def test_the_finding_says_what_the_file_looks_like(text: str, what: str) -> None:
    (finding,) = lint(text, kind="compose").findings
    assert finding.message == f"not a Compose file: looks like {what}"


def test_no_other_rule_reads_it() -> None:
    text = K8S + "services_count: 1\nports:\n  - 80:80\n"
    assert [f.rule for f in lint(text, kind="compose").findings] == ["DC038"]


def test_yaml_without_a_name_goes_to_the_compose_reader() -> None:
    # A Deployment's `env:` looks like an ENV instruction; the YAML key before it decides.
    manifest = K8S + "      containers:\n        - name: web\n          env:\n            - name: A\n"
    assert detect_kind(manifest) == "compose"
    assert detect_kind("FROM python:3.13\nENV kind: x\n") == "dockerfile"
