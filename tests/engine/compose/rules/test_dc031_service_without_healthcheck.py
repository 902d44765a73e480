import pytest

from dockwright.lint import lint
from tests.engine.rule_table import TODAY, rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n", 2, 3),
    ("services:\n  web:\n    image: nginx:1.27\n    ports: ['8080:80']\n", 2, 3),
    ("services:\n  app:\n    image: x:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n", 5, 3),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n    restart: always\n    healthcheck:\n      test: [CMD, true]\n",
    "services:\n  web:\n    image: nginx:1.27\n    restart: always\n    healthcheck:\n      disable: true\n",
    "services:\n  migrate:\n    image: x:1\n    restart: 'no'\n    ports: ['8080:80']\n",
    "services:\n  app:\n    image: x:1\n    depends_on:\n      migrate:\n"
    "        condition: service_completed_successfully\n    healthcheck:\n      test: [CMD, true]\n"
    "  migrate:\n    image: x:1\n",
    "services:\n  tool:\n    image: x:1\n",
    "services:\n  # dockwright ignore=DC031\n  web:\n    image: nginx:1.27\n    restart: always\n",
]

test_triggers, test_near_misses = rule_table("DC031", TRIGGERS, NEAR_MISSES, kind="compose")


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [("FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n", []), ("FROM nginx:1.27\n", [(2, 3)])],
)
def test_a_healthcheck_in_the_analysed_dockerfile_counts(dockerfile: str, expected: list[tuple[int, int]]) -> None:
    compose = "services:\n  web:\n    build: ./web\n    restart: always\n"
    result = lint(compose, kind="compose", config={"today": TODAY}, files={"web/Dockerfile": dockerfile})
    assert [(f.line, f.column) for f in result.findings if f.rule == "DC031"] == expected
