"""Scans uploaded from CI: stored, analysed file by file with the project's policy, compared with the latest scan of
the default branch (new and fixed by fingerprint), refused when over the limits, and only by those allowed to."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework.test import APIClient

from dockwright.rules import load_all, registry
from projects.models import Project
from projects.services import project_policy_save
from scans.models import Scan, ScanFinding
from scans.services import scan_create, scan_run

pytestmark = pytest.mark.django_db

DOCKERFILE = "FROM python:latest\nRUN pip install flask\nCMD python app.py\n"
COMPOSE = "services:\n  api:\n    build: ./api\n    image: example/api:latest\n"


def rule_id(name: str) -> str:
    """Our id of the rule a peer's id names (hadolint's DL3007: the latest tag)."""
    load_all()
    (found,) = {str(rule_id) for rule_id in registry.resolve_id(name)}
    return found


def bundle(dockerfile: str = DOCKERFILE, **extra: str) -> list[dict[str, str]]:
    files = {"api/Dockerfile": dockerfile, "docker-compose.yml": COMPOSE, "api/.dockerignore": "*.log\n", **extra}
    return [{"path": path, "content": content} for path, content in files.items()]


def upload(client: APIClient, files: list[dict[str, str]], branch: str = "main", **extra: Any) -> Any:
    body = {"files": files, "repository": "git@example.com:pay.git", "commit": "abc123", "branch": branch, **extra}
    return client.post("/api/v1/projects/payments/scans", body, format="json")


def test_an_upload_is_analysed_as_one_scan(client_as: Any, private_project: Project) -> None:
    response = upload(client_as("maintainer"), bundle(), paths=["."])

    assert response.status_code == 202, response.content
    assert response["Location"] == response.json()["url"]
    scan = response.json()
    assert scan["status"] == "done"
    assert (scan["files_found"], scan["files_analysed"]) == (2, 2)
    assert scan["url"] == f"/api/v1/projects/payments/scans/{scan['id']}"
    assert {f["path"]: f["kind"] for f in scan["files"]} == {
        "api/.dockerignore": "",
        "api/Dockerfile": "dockerfile",
        "docker-compose.yml": "compose",
    }
    paths = {finding["path"] for finding in scan["findings"]}
    assert paths == {"api/Dockerfile", "docker-compose.yml"}
    assert scan["baseline"] is None and scan["new"] == len(scan["findings"]) and scan["fixed"] == []
    assert sum(scan["counts"].values()) == len(scan["findings"])
    assert client_as("viewer").get(scan["url"]).json() == scan


def test_a_branch_scan_lists_only_new_findings_and_the_fixed_ones(client_as: Any, private_project: Project) -> None:
    maintainer = client_as("maintainer")
    upload(maintainer, bundle())
    # Lines moved (a comment on top), the latest tag fixed, and a new problem (ADD of a URL) added.
    changed = "# the API\n\nFROM python:3.12-slim\nRUN pip install flask\n"
    changed += "ADD https://example.com/x.tgz /x\nCMD python app.py\n"

    scan = upload(maintainer, bundle(changed), branch="feature").json()

    assert scan["baseline"] is not None
    new = {(f["path"], f["rule"]) for f in scan["findings"] if f["new"]}
    fixed = {(f["path"], f["rule"]) for f in scan["fixed"]}
    assert ("api/Dockerfile", "DF118") in new  # ADD of a URL without a checksum
    assert ("api/Dockerfile", rule_id("DL3007")) in fixed  # the latest tag
    # RUN (line 4) and CMD (line 6) only moved down two lines: their findings are the same ones, not new.
    moved = [f for f in scan["findings"] if f["path"] == "api/Dockerfile" and f["line"] in (4, 6)]
    assert moved and not any(f["new"] for f in moved)
    assert not any(f["new"] for f in scan["findings"] if f["path"] == "docker-compose.yml")
    assert scan["new"] == sum(f["new"] for f in scan["findings"])


def test_a_scan_not_done_yet_is_compared_with_nothing(
    client_as: Any, private_project: Project, people: dict[str, Any]
) -> None:
    upload(client_as("maintainer"), bundle())
    pending = scan_create(project=private_project, user=people["owner"], files=bundle(), branch="feature")

    scan = client_as("viewer").get(f"/api/v1/projects/payments/scans/{pending.pk}").json()

    # Compared now, every finding of the baseline would be "fixed", in the answer to each upload.
    assert (scan["status"], scan["baseline"], scan["fixed"], scan["findings"]) == ("pending", None, [], [])


def test_the_project_policy_applies_to_scans(client_as: Any, private_project: Project, people: dict[str, Any]) -> None:
    project_policy_save(project=private_project, config={"ignore": ["DL3007"]}, user=people["owner"])

    scan = upload(client_as("maintainer"), bundle()).json()

    assert scan["findings"]
    assert rule_id("DL3007") not in {f["rule"] for f in scan["findings"]}


@pytest.mark.parametrize(
    ("caller", "expected"),
    [("owner", 202), ("maintainer", 202), ("viewer", 403), ("outsider", 404), ("anonymous", 404)],
)
def test_maintainers_and_owners_upload(client_as: Any, private_project: Project, caller: str, expected: int) -> None:
    assert upload(client_as(caller), bundle()).status_code == expected


def _token(people: dict[str, Any], scopes: list[str], project: str | None = "payments") -> APIClient:
    maker = APIClient()
    maker.force_login(people["maintainer"])
    body = {"name": "ci", "scopes": scopes, **({"project": project} if project else {})}
    secret = maker.post("/api/v1/tokens", body, format="json").json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def test_a_project_token_with_scans_write_uploads(people: dict[str, Any], private_project: Project) -> None:
    assert upload(_token(people, ["scans:write"]), bundle()).status_code == 202
    assert upload(_token(people, ["read"]), bundle()).status_code == 403
    assert upload(_token(people, ["analyses:write"], project=None), bundle()).status_code == 403


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([{"path": "../Dockerfile", "content": DOCKERFILE}], "must stay inside the project"),
        ([{"path": "/etc/Dockerfile", "content": DOCKERFILE}], "not absolute"),
        ([{"path": "C:\\Dockerfile", "content": DOCKERFILE}], "no drive letter"),
        ([{"path": "Dockerfile", "content": DOCKERFILE}, {"path": "./Dockerfile", "content": DOCKERFILE}], "twice"),
        ([{"path": ".dockerignore", "content": "*\n"}], "no Dockerfile or compose file"),
        ([{"path": "Dockerfile", "content": "FROM a\n" + "#" * 300_000}], "the limit is"),
    ],
)
def test_a_bundle_over_the_limits_is_a_400_and_stores_nothing(client_as, private_project, files, message) -> None:
    response = upload(client_as("maintainer"), files)

    assert response.status_code in (400, 413), response.content
    if response.status_code == 400:
        assert message in response.json()["message"]
    assert not Scan.objects.exists()


def test_too_many_files_is_a_400(client_as: Any, private_project: Project, settings: Any) -> None:
    settings.DOCKWRIGHT_SCAN_MAX_FILES = 2

    response = upload(client_as("maintainer"), bundle())

    assert response.status_code == 400
    assert "at most 2 files" in response.json()["message"]


def test_a_file_the_engine_refuses_is_recorded_with_the_reason(client_as: Any, private_project: Project) -> None:
    scan = upload(client_as("maintainer"), bundle(dockerfile="   \n")).json()

    broken = next(f for f in scan["files"] if f["path"] == "api/Dockerfile")
    assert broken["analysed"] and "empty" in broken["error"]
    assert scan["status"] == "done"


def test_running_a_scan_again_stores_nothing_twice(private_project: Project, people: dict[str, Any]) -> None:
    scan = scan_create(project=private_project, user=people["owner"], files=bundle(), branch="main")
    scan_run(scan=scan)
    stored = ScanFinding.objects.filter(scan=scan).count()

    scan.files.update(analysed=False)  # as if a worker died after storing findings but before its acknowledgement
    Scan.objects.filter(pk=scan.pk).update(files_analysed=0)
    again = scan_run(scan=scan)

    assert stored > 0
    assert ScanFinding.objects.filter(scan=scan).count() == stored
    assert (again.files_found, again.files_analysed) == (2, 2)


def test_scans_of_another_project_are_not_found(client_as: Any, private_project: Project) -> None:
    scan = upload(client_as("maintainer"), bundle()).json()

    assert client_as("outsider").get(scan["url"]).status_code == 404
    assert client_as("viewer").get("/api/v1/projects/payments/scans/999999").status_code == 404
    assert [s["id"] for s in client_as("viewer").get("/api/v1/projects/payments/scans").json()] == [scan["id"]]


def test_the_admin_lists_scans_with_their_files(client_as: Any, private_project: Project, admin_client: Any) -> None:
    scan = upload(client_as("maintainer"), bundle()).json()

    listing = admin_client.get("/admin/scans/scan/")
    detail = admin_client.get(f"/admin/scans/scan/{scan['id']}/change/")

    assert listing.status_code == detail.status_code == 200
    assert "docker-compose.yml" in detail.content.decode()
