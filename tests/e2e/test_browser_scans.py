"""Scans in a real browser against the real server: uploading a repository archive from the project's Upload tab,
the scan page following a worker (a scan made pending, then analysed, by the server's own code while the page is
open), a failed scan's reason, findings by file and new and fixed against the default branch's previous scan."""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.e2e_support import BAD_DOCKERFILE, api_send, create_user, screenshot, sign_in

pytestmark = pytest.mark.browser

PASSWORD = "a scanning password for tests 5"
COMPOSE = "services:\n  web:\n    build: .\n    privileged: true\n"
FIXED_DOCKERFILE = BAD_DOCKERFILE.replace("python:latest", "python:3.13-slim")
SCAN_URL = re.compile(r"/projects/scan-demo/scans/(\d+)$")


def _tar_gz(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path, text in files.items():
            data = text.encode()
            member = tarfile.TarInfo(path)
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))
    return buffer.getvalue()


@pytest.fixture(scope="module")
def maintainer(manage_py: Callable[..., subprocess.CompletedProcess[str]], app_url: str) -> tuple[str, str]:
    return create_user(manage_py, "e2e-scans-owner", PASSWORD)


@pytest.fixture
def project(page: Page, maintainer: tuple[str, str]) -> str:
    """The signed-in maintainer's project (made by the first test that asks)."""
    sign_in(page, *maintainer)
    made = api_send(page, "POST", "/api/v1/projects", {"name": "Scan Demo", "slug": "scan-demo"})
    assert made.status in (201, 400), made.text()
    return "scan-demo"


def _upload(page: Page, slug: str, name: str, archive: bytes) -> str:
    page.goto(f"/projects/{slug}")
    page.get_by_role("navigation", name="Project").get_by_role("link", name="Upload").click()
    expect(page.get_by_role("heading", level=1)).to_be_focused()
    page.get_by_label("Archive", exact=True).set_input_files(
        {"name": name, "mimeType": "application/gzip", "buffer": archive}
    )
    page.get_by_role("button", name="Upload and scan").click()
    expect(page).to_have_url(SCAN_URL)
    match = SCAN_URL.search(page.url)
    assert match
    return match.group(1)


def _shell(manage_py: Callable[..., subprocess.CompletedProcess[str]], code: str) -> str:
    """Runs Python in the test server's Django (its database); what it printed last."""
    lines = manage_py("shell", "--verbosity", "0", "-c", code).stdout.strip().splitlines()
    return lines[-1] if lines else ""


def test_an_uploaded_archive_becomes_a_scan_with_its_findings_new_and_fixed(page: Page, project: str) -> None:
    first = _upload(page, project, "repo.tar.gz", _tar_gz({"Dockerfile": BAD_DOCKERFILE, "compose.yaml": COMPOSE}))
    status = page.get_by_role("status").filter(has_text="Analysed.")
    expect(status).to_be_visible()
    expect(page.get_by_text("No earlier scan of main to compare with")).to_be_visible()
    findings = page.get_by_role("region", name="Findings")
    dockerfile = findings.get_by_role("group", name="Dockerfile", exact=True)
    latest = dockerfile.get_by_role("listitem").filter(has=page.get_by_role("link", name="DF003"))
    expect(latest).to_contain_text("line 1:")
    expect(findings.get_by_role("group", name="compose.yaml")).to_be_visible()
    screenshot(page, "scan-done")

    # The same repository with the base image pinned: the latest tag (DF003) is fixed; findings on the lines that did
    # not change are not new.
    second = _upload(page, project, "repo.tgz", _tar_gz({"Dockerfile": FIXED_DOCKERFILE, "compose.yaml": COMPOSE}))
    summary = page.get_by_text(re.compile(rf"\d+ new and \d+ fixed against scan {first}, the latest before it on main"))
    expect(summary).to_be_visible()
    expect(page.get_by_role("heading", name=f"Fixed since scan {first}")).to_be_visible()
    now = page.get_by_role("region", name="Findings").get_by_role("group", name="Dockerfile", exact=True)
    before = page.get_by_role("region", name=f"Fixed since scan {first}").get_by_role(
        "group", name="Dockerfile", exact=True
    )
    expect(now.get_by_role("link", name="DF003")).to_have_count(0)
    expect(before.get_by_role("link", name="DF003")).to_be_visible()
    expect(now.get_by_role("link", name="DF012")).to_be_visible()
    page.get_by_role("checkbox", name="Only new findings").check()
    expect(now.get_by_role("link", name="DF012")).to_have_count(0)
    screenshot(page, "scan-compared")

    page.get_by_role("navigation", name="Project").get_by_role("link", name="Scans").click()
    scans = page.get_by_role("list", name="Latest scans")
    expect(scans.get_by_role("article")).to_have_count(2)
    expect(scans.get_by_role("article", name=f"Scan {second}")).to_contain_text("Done")


def test_the_scan_page_follows_a_worker_until_the_scan_is_done(
    page: Page, project: str, manage_py: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    # A scan waiting for a worker, as an upload leaves it when a broker takes the task.
    scan_id = _shell(
        manage_py,
        "from projects.models import Project; from scans.services import scan_create; "
        "scan = scan_create(project=Project.objects.get(slug='scan-demo'), user=None, branch='feature', "
        f"files=[{{'path': 'svc/Dockerfile', 'content': {BAD_DOCKERFILE!r}}}, "
        f"{{'path': 'compose.yaml', 'content': {COMPOSE!r}}}]); print(scan.pk)",
    )
    page.goto(f"/projects/{project}/scans/{scan_id}")
    progress = page.get_by_role("progressbar", name="0 of 2 files analysed")
    expect(progress).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Waiting for a worker to take it")
    screenshot(page, "scan-waiting")

    # The worker's own code analyses it while the page is open: the page sees it finish by itself.
    _shell(
        manage_py,
        "from scans.models import Scan; from scans.services import scan_run; "
        f"scan_run(scan=Scan.objects.get(pk={scan_id}))",
    )
    expect(page.get_by_role("status")).to_contain_text("Analysed.", timeout=20_000)
    expect(page.get_by_role("progressbar")).to_have_count(0)
    expect(page.get_by_role("group", name="svc/Dockerfile").get_by_role("listitem").first).to_be_visible()


def test_a_failed_scan_says_why(
    page: Page, project: str, manage_py: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    scan_id = _shell(
        manage_py,
        "from projects.models import Project; from scans.services import scan_create, scan_fail; "
        "from scans.tallies import FailureReason; "
        "scan = scan_create(project=Project.objects.get(slug='scan-demo'), user=None, "
        f"files=[{{'path': 'Dockerfile', 'content': {BAD_DOCKERFILE!r}}}]); "
        "scan_fail(scan=scan, reason=FailureReason.ANALYSIS_ERROR, error='the analysis failed: MemoryError'); "
        "print(scan.pk)",
    )
    page.goto(f"/projects/{project}/scans/{scan_id}")
    expect(page.get_by_role("status")).to_contain_text("The scan failed.")
    expect(page.get_by_text("the analysis failed: MemoryError")).to_be_visible()


def test_a_refused_archive_says_why_beside_the_field(page: Page, project: str) -> None:
    page.goto(f"/projects/{project}/upload")
    hostile = _tar_gz({"../outside/Dockerfile": BAD_DOCKERFILE})
    page.get_by_label("Archive", exact=True).set_input_files(
        {"name": "evil.tar.gz", "mimeType": "application/gzip", "buffer": hostile}
    )
    page.get_by_role("button", name="Upload and scan").click()
    expect(page.get_by_label("Archive", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(page.locator(".form-field__error")).to_contain_text("..")
    expect(page).to_have_url(re.compile(r"/upload$"))


def _fits_the_phone(page: Page, what: str) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{what} scrolls sideways: {widths}"


def test_the_project_pages_fit_a_phone(phone_page: Page, maintainer: tuple[str, str]) -> None:
    sign_in(phone_page, *maintainer)
    made = api_send(phone_page, "POST", "/api/v1/projects", {"name": "Scan Demo", "slug": "scan-demo"})
    assert made.status in (201, 400), made.text()
    phone_page.goto("/projects")
    expect(phone_page.get_by_role("list", name="Your projects").get_by_role("article").first).to_be_visible()
    _fits_the_phone(phone_page, "projects")

    phone_page.goto("/projects/scan-demo/members")
    form = phone_page.get_by_role("form", name="Invite by link")
    form.get_by_role("button", name="Make invitation link").click()
    expect(phone_page.get_by_role("textbox", name="Invitation link")).to_be_visible()
    _fits_the_phone(phone_page, "members with an invitation link")
    screenshot(phone_page, "phone-members")

    phone_page.goto("/tokens")
    phone_page.get_by_label("Name").fill("phone")
    phone_page.get_by_role("button", name="Make token").click()
    expect(phone_page.get_by_role("region", name="Copy your new token now")).to_be_visible()
    _fits_the_phone(phone_page, "tokens with a new secret")
    screenshot(phone_page, "phone-token")

    phone_page.goto("/projects/scan-demo/upload")
    archive = _tar_gz({"services/a-rather-long-directory-name/api/Dockerfile": BAD_DOCKERFILE})
    phone_page.get_by_label("Archive", exact=True).set_input_files(
        {"name": "repo.tar.gz", "mimeType": "application/gzip", "buffer": archive}
    )
    phone_page.get_by_role("button", name="Upload and scan").click()
    expect(phone_page.get_by_role("status").filter(has_text="Analysed.")).to_be_visible()
    expect(phone_page.locator(".scan-finding").first).to_be_visible()
    _fits_the_phone(phone_page, "a scan")
    screenshot(phone_page, "phone-scan")
