"""An analysis that carries the project around a compose file (`files`): its override, `.env` and the Dockerfiles
its services build, read as Compose reads them; bounded in count, size and paths; and YAML that is not Compose
answered with one clear finding."""

from __future__ import annotations

import json

import pytest

from analyses.models import Analysis
from tests.api.api_support import assert_error_shape

pytestmark = pytest.mark.django_db

APP = "services:\n  app:\n    build: ./app\n    restart: always\n    depends_on:\n      - db\n"
DB = "services:\n  db:\n    image: postgres:17.2\n    restart: always\n"
HEALTHY = "FROM python:3.13-slim\nUSER 1000\nHEALTHCHECK CMD python -c 'print(1)'\n"


@pytest.fixture
def post_lint(api_client):
    def post(body):
        return api_client.post("/api/v1/lint", data=json.dumps(body), content_type="application/json")

    return post


def rules(response) -> list[str]:
    assert response.status_code in (200, 201), response.content
    return [finding["rule"] for finding in response.json()["findings"]]


def lint_app(post_lint, files):
    return post_lint({"content": APP, "filename": "compose.yaml", "files": files})


def test_a_service_the_override_defines_is_defined(post_lint):
    alone = lint_app(post_lint, [])
    with_override = lint_app(post_lint, [{"path": "compose.override.yaml", "content": DB}])

    assert "DC006" in rules(alone)
    assert "DC006" not in rules(with_override)


def test_the_healthcheck_of_the_bundled_dockerfile_counts(post_lint):
    override = {"path": "compose.override.yaml", "content": DB}
    without = lint_app(post_lint, [override])
    with_dockerfile = lint_app(post_lint, [override, {"path": "app/Dockerfile", "content": HEALTHY}])

    assert "DC031" in [f["rule"] for f in without.json()["findings"] if f["line"] == 2]
    assert "DC031" not in [f["rule"] for f in with_dockerfile.json()["findings"] if f["line"] == 2]


def test_the_findings_of_the_bundled_dockerfile_are_reported_on_the_build_line(post_lint):
    latest = HEALTHY.replace("python:3.13-slim", "python:latest")
    response = lint_app(post_lint, [{"path": "app/Dockerfile", "content": latest}])

    dc037 = [f for f in response.json()["findings"] if f["rule"] == "DC037"]
    assert [(f["line"], f["column"]) for f in dc037] == [(3, 12)]
    assert dc037[0]["message"].startswith("app/Dockerfile:1:6: DF003")


def test_the_env_file_gives_the_variables(post_lint):
    compose = "services:\n  db:\n    image: postgres:${TAG:?set TAG}\n    restart: always\n"
    unset = post_lint({"content": compose, "filename": "compose.yaml", "files": [{"path": ".env", "content": "A=1\n"}]})
    given = post_lint(
        {"content": compose, "filename": "compose.yaml", "files": [{"path": ".env", "content": "TAG=17.2\n"}]}
    )

    assert "DC005" in rules(unset)
    assert "DC005" not in rules(given)


def test_a_shared_analysis_keeps_its_files_and_is_told_apart_by_them(post_analysis):
    body = {"content": APP, "filename": "compose.yaml", "files": [{"path": "compose.override.yaml", "content": DB}]}
    shared = post_analysis(body)
    alone = post_analysis({"content": APP, "filename": "compose.yaml"})

    assert "DC006" not in rules(shared) and "DC006" in rules(alone)
    assert shared.json()["files"] == body["files"]
    stored = Analysis.objects.get(pk=shared.json()["id"])
    assert stored.files == {"compose.override.yaml": DB}
    assert stored.identity != Analysis.objects.get(pk=alone.json()["id"]).identity


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/etc/passwd", "not absolute"),
        ("../secrets/.env", "no `..`"),
        ("app/../../x", "no `..`"),
        ("app\\Dockerfile", "forward slashes"),
        ("C:/Dockerfile", "no drive letter"),
        ("app/\x1bDockerfile", "control character"),
        (" .env", "surrounding spaces"),
        (".", "must name a file"),
        ("compose.yaml", "twice (or is the linted file itself)"),
    ],
)
def test_a_path_outside_the_project_is_a_400_naming_the_file(post_lint, path, problem):
    response = lint_app(post_lint, [{"path": path, "content": "x"}])

    body = assert_error_shape(response, 400)
    assert problem in json.dumps(body["details"]["files[0].path"])


def test_the_same_path_twice_is_refused(post_lint):
    files = [{"path": "app/Dockerfile", "content": HEALTHY}, {"path": "./app/Dockerfile", "content": HEALTHY}]
    body = assert_error_shape(lint_app(post_lint, files), 400)

    assert "files[1].path" in body["details"]


def test_too_many_files_are_refused(post_lint, settings):
    settings.DOCKWRIGHT_MAX_BUNDLE_FILES = 2
    files = [{"path": f"f{i}.env", "content": ""} for i in range(3)]

    body = assert_error_shape(lint_app(post_lint, files), 400)
    assert body["details"]["files"] == ["at most 2 files may come with the content"]


def test_the_files_count_against_the_content_limit(post_lint, settings):
    settings.DOCKWRIGHT_MAX_CONTENT_BYTES = len(APP) + 100
    response = lint_app(post_lint, [{"path": "app/Dockerfile", "content": "#" * 101}])

    body = assert_error_shape(response, 413)
    assert "content and files are" in body["message"]


def test_files_need_the_filename_of_the_content(post_lint):
    response = post_lint({"content": APP, "files": [{"path": ".env", "content": "A=1\n"}]})

    body = assert_error_shape(response, 400)
    assert "filename" in body["details"]


def test_a_file_without_a_path_or_with_a_number_for_content_is_refused(post_lint):
    assert_error_shape(lint_app(post_lint, [{"content": "x"}]), 400)
    assert_error_shape(lint_app(post_lint, [{"path": ".env", "content": 1}]), 400)


@pytest.mark.parametrize(
    ("content", "looks_like"),
    [
        ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n", "Kubernetes"),
        ("stages: [build]\nbuild:\n  stage: build\n  script: make\n", "GitLab CI"),
    ],
)
def test_yaml_that_is_not_compose_gets_one_finding_and_no_schema_noise(post_lint, content, looks_like):
    for body in ({"content": content, "filename": "deploy.yaml"}, {"content": content, "kind": "compose"}):
        response = post_lint(body)

        assert rules(response) == ["DC038"]
        assert looks_like in response.json()["findings"][0]["message"]
