"""The ordering rules fix what they report: whole entries move, with their comments, anchors and quotes,
and the fix is dropped whenever the moved text would not read back as the same data."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockwright.cli import main
from dockwright.compose.loader import load
from dockwright.compose.nodes import to_data
from dockwright.fixes import fix_until_stable
from dockwright.lint import lint

STYLE = ["DC013", "DC016", "DC018", "DC020", "DC021", "DC022", "DC023"]
CONFIG = {"today": "2026-11-28", "shellcheck": False, "enable": STYLE}


def fixed(text: str, rule: str) -> str:
    def relint(current: str) -> list:  # type: ignore[type-arg]
        return [f for f in lint(current, kind="compose", config=CONFIG).findings if f.rule == rule]

    result, _ = fix_until_stable(text, relint(text), relint)
    return result


@pytest.mark.parametrize(
    ("rule", "before", "after"),
    [
        (
            "DC020",
            "services:\n  web:\n    # published for the proxy\n    ports:\n      - '80:80'  # http\n\n"
            "    image: nginx:1.29.3\n",
            "services:\n  web:\n    image: nginx:1.29.3\n\n    # published for the proxy\n    ports:\n"
            "      - '80:80'  # http\n",
        ),
        (
            "DC022",
            "services:\n  web:\n    image: nginx:1.29.3\n  # the API\n  api:\n    image: example/api:1.0\n",
            "services:\n  # the API\n  api:\n    image: example/api:1.0\n  web:\n    image: nginx:1.29.3\n",
        ),
        (
            "DC023",
            "# my stack\nservices:\n  web:\n    image: nginx:1.29.3\nname: shop\n"
            "x-defaults: &defaults\n  restart: always\n",
            "# my stack\nx-defaults: &defaults\n  restart: always\nname: shop\nservices:\n  web:\n"
            "    image: nginx:1.29.3\n",
        ),
        (
            "DC018",
            "services:\n  web:\n    image: nginx:1.29.3\n    depends_on:\n      - redis\n      - db  # primary\n",
            "services:\n  web:\n    image: nginx:1.29.3\n    depends_on:\n      - db  # primary\n      - redis\n",
        ),
        (
            "DC018",
            "services:\n  web:\n    image: nginx:1.29.3\n    depends_on:\n"
            "      redis:\n        condition: service_started\n"
            "      db:\n        condition: service_healthy\n",
            "services:\n  web:\n    image: nginx:1.29.3\n    depends_on:\n"
            "      db:\n        condition: service_healthy\n"
            "      redis:\n        condition: service_started\n",
        ),
        (
            "DC021",
            "services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - '8443:443'\n      - target: 80\n"
            "        published: '8080'\n",
            "services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - target: 80\n        published: '8080'\n"
            "      - '8443:443'\n",
        ),
        (
            "DC016",
            "services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - 8080:80\n",
            "services:\n  web:\n    image: nginx:1.29.3\n    ports:\n      - '8080:80'\n",
        ),
        (
            "DC016",
            'services:\n  web:\n    image: "nginx:1.29.3"\n    ports:\n      - 8080:80\n',
            'services:\n  web:\n    image: "nginx:1.29.3"\n    ports:\n      - "8080:80"\n',
        ),
        (
            "DC013",
            'services:\n  web:\n    image: nginx:1.29.3\n    volumes:\n      - "./html:/usr/share/nginx/html"\n',
            "services:\n  web:\n    image: nginx:1.29.3\n    volumes:\n      - ./html:/usr/share/nginx/html\n",
        ),
    ],
)
def test_the_fix_rewrites_the_file(rule: str, before: str, after: str) -> None:
    assert fixed(before, rule) == after


def test_an_alias_that_would_come_before_its_anchor_is_not_moved() -> None:
    text = (
        "services:\n  web:\n    image: nginx:1.29.3\n    labels: &labels\n      a: b\n"
        "  api:\n    image: x:1\n    labels: *labels\n"
    )
    (finding,) = [f for f in lint(text, kind="compose", config=CONFIG).findings if f.rule == "DC022"]
    assert finding.fix is not None and finding.fix.edits == () and not finding.fix.safe


def test_a_flow_mapping_is_not_rewritten() -> None:
    text = "services:\n  web: {ports: ['80:80'], image: 'nginx:1.29.3'}\n"
    findings = [f for f in lint(text, kind="compose", config=CONFIG).findings if f.rule == "DC020"]
    assert findings and all(f.fix is not None and f.fix.edits == () for f in findings)


def test_windows_line_endings_survive() -> None:
    text = "services:\r\n  web:\r\n    ports:\r\n      - '80:80'\r\n    image: nginx:1.29.3\r\n"
    assert fixed(text, "DC020") == "services:\r\n  web:\r\n    image: nginx:1.29.3\r\n    ports:\r\n      - '80:80'\r\n"


def test_every_ordering_fix_together_keeps_the_data(tmp_path: Path) -> None:
    text = (Path(__file__).parents[3] / "docker-compose.prod.yml").read_text()
    path = tmp_path / "docker-compose.prod.yml"
    path.write_text(text)
    (tmp_path / ".dockwright.yaml").write_text(f"enable: [{', '.join(STYLE)}]\n")
    main(["lint", "--fix", "--no-shellcheck", "--no-cache", "--config", str(tmp_path / ".dockwright.yaml"), str(path)])
    after = path.read_text()
    assert to_data(load(after).root) == to_data(load(text).root)
    assert sorted(line for line in after.splitlines() if line.strip()) == sorted(
        line for line in text.splitlines() if line.strip()
    )
    remaining = lint(after, kind="compose", config=CONFIG).findings
    assert [f.rule for f in remaining if f.rule in ("DC018", "DC020", "DC021", "DC022", "DC023")] == []
