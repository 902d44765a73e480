"""What teams see, in a real browser against the real API: a project's overview (chart, what changed, top rules and
files, branches, badge), a scan's file with its findings underlined, and the inventory across one's projects with
its filters and CSV export."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.e2e_support import create_user, sign_in
from tests.e2e.insights_support import project_with_scans

pytestmark = pytest.mark.browser

USERNAME = "e2e-teams"
PASSWORD = "teams see everything 17"
SLUG = "e2e-insights"


@pytest.fixture(scope="module")
def scans(manage_py: Callable[..., subprocess.CompletedProcess[str]], browser: Browser, app_url: str) -> list[dict]:
    create_user(manage_py, USERNAME, PASSWORD)
    context = browser.new_context(base_url=app_url)
    page = context.new_page()
    sign_in(page, USERNAME, PASSWORD)
    made = project_with_scans(page, SLUG)
    context.close()
    return made


@pytest.fixture
def member(page: Page, scans: list[dict]) -> Iterator[Page]:
    sign_in(page, USERNAME, PASSWORD)
    yield page


def test_the_overview_shows_the_default_branch_over_time_and_what_changed(member: Page, scans: list[dict]) -> None:
    page = member
    page.goto(f"/projects/{SLUG}")
    expect(page.get_by_role("heading", level=1)).to_have_text(SLUG.title())
    expect(page).to_have_title(f"{SLUG.title()} · Dockwright")

    chart = page.get_by_role("img", name="Findings by severity, scan by scan")
    expect(chart).to_be_visible()
    expect(chart.locator("g").filter(has=page.locator("rect"))).to_have_count(2)  # two scans of main
    page.get_by_text("Show the numbers").click()
    numbers = page.get_by_role("table", name="Findings by severity, scan by scan")
    expect(numbers.get_by_role("row")).to_have_count(3)

    latest = page.get_by_role("region", name="Latest scan")
    expect(latest).to_contain_text("3333333")
    changes = page.get_by_role("region", name="Since the previous scan")
    expect(changes.get_by_role("heading", name=f"New: {scans[2]['new']}")).to_be_visible()
    expect(changes.get_by_role("heading", name=f"Fixed: {len(scans[2]['fixed'])}")).to_be_visible()

    branches = page.get_by_role("region", name="Branches")
    expect(branches.get_by_role("link", name="feature/x")).to_be_visible()

    rules = page.get_by_role("region", name="Rules with the most findings")
    first_rule = rules.get_by_role("link").first
    rule_id = first_rule.locator("code").first.inner_text()
    first_rule.click()
    expect(page).to_have_url(re.compile(rf"/rules/{rule_id}$"))
    expect(page.locator("main h1")).to_be_focused()


def test_a_branch_is_picked_and_kept_in_the_address(member: Page, scans: list[dict]) -> None:
    page = member
    page.goto(f"/projects/{SLUG}")
    picker = page.get_by_role("combobox", name="Branch")
    picker.focus()
    picker.select_option("feature/x")
    expect(page).to_have_url(re.compile(r"\?branch=feature%2Fx$"))
    expect(page.get_by_role("region", name="Latest scan")).to_contain_text("2222222")
    expect(picker).to_be_focused()  # the page stayed while the branch loaded


def test_a_file_opens_with_its_findings_underlined_as_in_the_editor(member: Page, scans: list[dict]) -> None:
    page = member
    page.goto(f"/projects/{SLUG}")
    page.get_by_role("region", name="Files with the most findings").get_by_role("link", name="api/Dockerfile").click()

    expect(page.get_by_role("heading", level=2, name="api/Dockerfile")).to_be_visible()
    expect(page).to_have_title("api/Dockerfile · Dockwright")
    code = page.get_by_role("region", name="Content of api/Dockerfile")
    expect(code).to_contain_text("ADD https://example.com/tool.tgz /opt/")
    findings = [f for f in scans[2]["findings"] if f["path"] == "api/Dockerfile"]
    expect(page.get_by_role("heading", name=f"{len(findings)} findings")).to_be_visible()
    marks = code.locator(".annotated-code__mark")
    assert marks.count() > 0
    style = marks.first.evaluate("(el) => getComputedStyle(el).textDecorationStyle")
    assert style == "wavy"
    # The new finding (ADD of a URL, line 4) is marked new; its place link scrolls to the line.
    new = page.locator(".file-finding").filter(has_text="New").first
    new.get_by_role("link", name=re.compile(r"^Line 4, column")).click()
    expect(page).to_have_url(re.compile(r"#L4$"))
    assert "#L4" in page.url


def test_the_inventory_lists_images_root_and_ports_and_exports_csv(member: Page, scans: list[dict]) -> None:
    page = member
    page.goto("/")
    page.get_by_role("banner").get_by_role("link", name="Inventory").click()
    expect(page.get_by_role("heading", level=1, name="Inventory")).to_be_focused()
    expect(page).to_have_title("Inventory · Dockwright")

    images = page.get_by_role("table", name="Images in use")
    python = images.get_by_role("row").filter(has_text="python:3.8-slim")
    expect(python).to_contain_text("past")
    page.get_by_role("combobox", name="End of life").select_option("past")
    expect(page).to_have_url(re.compile(r"eol=past"))
    expect(images.get_by_role("row").filter(has_text="HYPERLINK")).to_have_count(0)  # no end of life known
    expect(python).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    table = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    assert table[0][:2] == ["image", "tag"]
    assert ["python", "3.8-slim"] in [row[:2] for row in table[1:]]
    assert all(row[-1] == "true" for row in table[1:])  # past their end of life, every one

    page.get_by_role("link", name=re.compile(r"^Runs as root")).click()
    root = page.get_by_role("table", name="What runs as root")
    expect(root.get_by_role("row").filter(has_text="worker")).to_contain_text("The file sets it")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    rows = list(csv.reader(io.StringIO(download.value.path().read_text(encoding="utf-8"))))
    worker = next(row for row in rows if row[4] == "worker")
    assert worker[-1] == '\'=HYPERLINK("http://example.com")'  # never a formula in a spreadsheet

    page.get_by_role("link", name=re.compile(r"^Database ports")).click()
    ports = page.get_by_role("table", name="Published database ports")
    expect(ports.get_by_role("row").filter(has_text="PostgreSQL")).to_contain_text("Every interface")


def test_a_public_projects_badge_is_anyones(browser: Browser, app_url: str, scans: list[dict]) -> None:
    context = browser.new_context(base_url=app_url)
    response = context.request.get(f"/api/v1/projects/{SLUG}/badge.svg")
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "dockwright" in response.text() and response.headers["cache-control"] == "public, max-age=60"
    context.close()


def test_a_scans_page_links_each_file_to_its_underlined_text(member: Page, scans: list[dict]) -> None:
    page = member
    page.goto(f"/projects/{SLUG}/scans/{scans[2]['id']}")
    page.get_by_role("group", name="api/Dockerfile").get_by_role("link", name="api/Dockerfile").click()
    expect(page).to_have_url(re.compile(rf"/projects/{SLUG}/scans/{scans[2]['id']}/files/\d+$"))
    expect(page.get_by_role("heading", level=2, name="api/Dockerfile")).to_be_visible()
    expect(
        page.get_by_role("region", name="Content of api/Dockerfile").locator(".annotated-code__mark").first
    ).to_be_visible()
