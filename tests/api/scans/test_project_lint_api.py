"""POST /api/v1/projects/<slug>/lint (what `dockwright lint --server` sends): a bundle analysed with the project's
policy, nothing stored; members only (others get 404, as for a project that does not exist), tokens with
`analyses:write`; the files a file reads come from the bundle as from a local disk, the ones it lacks are named;
every limit is a 4xx."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from analyses.models import Analysis
from catalog.models import RulePolicy
from catalog.services import rule_policy_save
from dockwright.i18n import finding_from_data, localize
from projects.models import Project
from projects.services import project_policy_save
from scans.models import Scan, ScanFile, ScanFinding
from tests.api.scans.test_scans_api import COMPOSE, DOCKERFILE, _token, rule_id

pytestmark = pytest.mark.django_db

URL = "/api/v1/projects/payments/lint"


def files(**extra: str) -> list[dict[str, str]]:
    bundle = {"api/Dockerfile": DOCKERFILE, "docker-compose.yml": COMPOSE, "api/.dockerignore": "*.log\n", **extra}
    return [{"path": path, "content": content} for path, content in bundle.items()]


def analyse(client: APIClient, body: dict[str, Any] | None = None, url: str = URL) -> Any:
    return client.post(url, body if body is not None else {"files": files()}, format="json")


def rules_of(result: dict[str, Any]) -> set[str]:
    return {finding["rule"] for finding in result["findings"]}


def test_every_dockerfile_and_compose_file_is_analysed_and_nothing_is_stored(client_as, private_project) -> None:
    response = analyse(client_as("viewer"))

    assert response.status_code == 200, response.content
    body = response.json()
    assert [(r["path"], r["kind"], r["error"]) for r in body["results"]] == [
        ("api/Dockerfile", "dockerfile", ""),
        ("docker-compose.yml", "compose", ""),
    ]
    dockerfile = body["results"][0]
    assert rule_id("DL3007") in rules_of(dockerfile)
    finding = dockerfile["findings"][0]
    assert {"rule", "severity", "message", "line", "column", "end_line", "end_column"} <= finding.keys()
    assert "rule_title" not in finding and "help_url" not in finding  # the engine's form, not the web app's
    assert body["config"]["failure_threshold"] == "info"
    assert not Scan.objects.exists() and not ScanFile.objects.exists() and not ScanFinding.objects.exists()
    assert not Analysis.objects.exists()


def test_findings_keep_their_templates_so_a_client_renders_them_in_its_language(client_as, private_project) -> None:
    result = analyse(client_as("viewer")).json()["results"][0]

    finding = finding_from_data(result["findings"][0])
    assert finding.message == result["findings"][0]["message"]
    assert localize(finding, "zh-Hans").message != finding.message


def test_the_project_policy_applies_with_the_request_config_over_it_and_the_site_policy_on_top(
    client_as: Any, private_project: Project, people: dict[str, Any]
) -> None:
    project_policy_save(
        project=private_project,
        config={"ignore": ["DL3007"], "failure_threshold": "error", "severity": {"DL3042": "error"}},
        user=people["owner"],
    )
    rule_policy_save(policy=RulePolicy(rule_id=rule_id("DL3025"), enabled=False))
    config = {"ignore": ["DL3013"], "failure_threshold": "warning"}

    body = analyse(client_as("viewer"), {"files": files(), "config": config}).json()

    found = rules_of(body["results"][0])
    assert not {rule_id("DL3007"), rule_id("DL3013"), rule_id("DL3025")} & found
    assert found  # the rest still runs
    assert body["config"]["failure_threshold"] == "warning"
    assert {rule_id("DL3007"), rule_id("DL3013"), rule_id("DL3025")} <= set(body["config"]["ignore"])
    assert body["config"]["severity"][rule_id("DL3042")] == "error"


@pytest.mark.parametrize(
    ("caller", "expected"),
    [("owner", 200), ("maintainer", 200), ("viewer", 200), ("outsider", 404), ("anonymous", 404)],
)
def test_members_analyse_and_anyone_else_finds_no_project(client_as, private_project, caller, expected) -> None:
    assert analyse(client_as(caller)).status_code == expected


@pytest.mark.parametrize(("caller", "expected"), [("viewer", 200), ("outsider", 403), ("anonymous", 403)])
def test_a_public_project_says_its_analysis_is_for_members(client_as, public_project, caller, expected) -> None:
    # Anyone may read a public project, so it is no secret that it exists: a non-member is told what they lack.
    response = analyse(client_as(caller), url="/api/v1/projects/website/lint")

    assert response.status_code == expected
    if expected == 403:
        assert "viewer role" in response.json()["message"]


def test_tokens_need_analyses_write_or_scans_write(people: dict[str, Any], private_project: Project) -> None:
    assert analyse(_token(people, ["analyses:write"], project=None)).status_code == 200
    read_only = analyse(_token(people, ["read"], project=None))
    assert read_only.status_code == 403 and "analyses:write" in read_only.json()["message"]
    # A CI project token may upload scans, so it may also have its files judged without storing them.
    assert analyse(_token(people, ["read", "scans:write"])).status_code == 200
    assert analyse(_token(people, ["read"])).status_code == 403


def test_a_project_token_reaches_its_own_project_only(people: dict[str, Any], private_project: Project) -> None:
    public = Project.objects.create(name="Website", slug="website", visibility=Project.Visibility.PUBLIC)
    assert analyse(_token(people, ["scans:write"]), url=f"/api/v1/projects/{public.slug}/lint").status_code == 404


def test_a_token_of_someone_who_is_not_a_member_finds_no_project(people, private_project) -> None:
    maker = APIClient()
    maker.force_login(people["outsider"])
    secret = maker.post("/api/v1/tokens", {"name": "x", "scopes": ["analyses:write"]}, format="json").json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")

    assert analyse(client).status_code == 404


def test_a_file_reads_the_bundle_inside_its_folder_only_and_names_what_it_lacks(client_as, private_project) -> None:
    compose = "services:\n  api:\n    build: ./api\n  web:\n    build: ../elsewhere\n    env_file: web.env\n"
    bundle = [
        {"path": "deploy/compose.yaml", "content": compose},
        {"path": "elsewhere/Dockerfile", "content": DOCKERFILE},  # outside the compose file's folder: not read
    ]

    result = analyse(client_as("viewer"), {"files": bundle}).json()["results"][0]

    assert result["path"] == "deploy/compose.yaml"
    assert {"api/Dockerfile", "web.env"} <= set(result["missing"])
    assert not any(".." in key for key in result["missing"])
    # With the Dockerfile it lacked, the compose file reports what the Dockerfile it builds has (DC037).
    bundle.append({"path": "deploy/api/Dockerfile", "content": DOCKERFILE + "ADD https://example.com/x.tgz /x\n"})
    again = analyse(client_as("viewer"), {"files": bundle, "lint": [{"path": "deploy/compose.yaml"}]}).json()
    (result,) = again["results"]
    assert "api/Dockerfile" not in result["missing"]
    assert any("DF118" in finding["message"] for finding in result["findings"])


def test_lint_names_the_files_their_folder_name_kind_and_build(client_as, private_project) -> None:
    dockerfile = "ARG BASE=python:latest\nFROM ${BASE} AS build\nRUN echo hi\nFROM build AS runtime\nCMD python\n"
    body = {
        "files": [{"path": "docker/app.txt", "content": dockerfile}],
        "lint": [
            {"path": "docker/app.txt", "kind": "dockerfile", "filename": "./docker/app.txt"},
            {
                "path": "docker/app.txt",
                "kind": "dockerfile",
                "folder": ".",
                "build": {"args": {"BASE": "python:3.13-slim"}, "target": "build"},
            },
        ],
    }

    plain, built = analyse(client_as("viewer"), body).json()["results"]

    assert rule_id("DL3007") in rules_of(plain)
    assert rule_id("DL3007") not in rules_of(built)
    assert plain["kind"] == built["kind"] == "dockerfile"


def test_a_file_the_engine_refuses_is_answered_with_the_reason(client_as, private_project) -> None:
    body = {"files": [{"path": "Dockerfile", "content": "   \n"}]}

    (result,) = analyse(client_as("viewer"), body).json()["results"]

    assert "empty" in result["error"] and result["findings"] == []


def test_yaml_that_is_not_compose_says_what_it_looks_like(client_as, private_project) -> None:
    manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: []\n"
    body = {"files": [{"path": "k8s/compose.yaml", "content": manifest}]}

    (result,) = analyse(client_as("viewer"), body).json()["results"]

    assert result["foreign"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"files": [{"path": "../Dockerfile", "content": DOCKERFILE}]}, 400, "must stay inside the project"),
        ({"files": files(), "lint": [{"path": "nowhere/Dockerfile"}]}, 400, "is not among the files"),
        ({"files": files(), "lint": [{"path": "api/Dockerfile", "folder": "../x"}]}, 400, "inside the project"),
        ({"files": files(), "lint": [{"path": "api/Dockerfile", "kind": "helm"}]}, 400, "lint"),
        ({"files": files(), "config": {"severity": {"DF007": "fatal"}}}, 400, "config"),
        ({"files": [{"path": "Dockerfile", "content": "FROM a\n" + "#" * 600_000}]}, 413, ""),  # the body
        ({"files": [{"path": "Dockerfile", "content": "FROM a\n" + "#" * 250_000}]}, 400, "the limit is"),
        ({"files": files(), "lint": [{"path": "api/Dockerfile"}] * 30}, 400, "at most 20 files"),
    ],
)
def test_what_is_over_a_limit_or_malformed_is_a_4xx(client_as, private_project, settings, body, status, message):
    settings.DOCKWRIGHT_SCAN_MAX_FILES = 20
    settings.DOCKWRIGHT_MAX_CONTENT_BYTES = 200_000

    response = analyse(client_as("viewer"), body)

    assert response.status_code == status, response.content
    assert message in response.json()["message"]


def test_the_same_text_analysed_over_and_over_is_refused(client_as, private_project, settings) -> None:
    big = "FROM python:3.13-slim\n" + "# padding\n" * 10_000
    body = {"files": [{"path": "Dockerfile", "content": big}], "lint": [{"path": "Dockerfile"}] * 10}
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4 * len(big)

    response = analyse(client_as("viewer"), body)

    assert response.status_code == 413
    assert "the files to analyse are" in response.json()["message"]


def test_past_the_time_limit_no_further_file_is_started(client_as, private_project, settings) -> None:
    settings.DOCKWRIGHT_PROJECT_LINT_SECONDS = 0

    one = analyse(client_as("viewer"), {"files": files(), "lint": [{"path": "api/Dockerfile"}]})
    two = analyse(client_as("viewer"))

    assert one.status_code == 200
    assert two.status_code == 413 and "upload them as a scan" in two.json()["message"]
