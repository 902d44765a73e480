import pytest

from dockwright.lint import lint
from tests.engine.rule_table import TODAY, rule_table

CURL = "HEALTHCHECK CMD curl -f http://localhost/"
DEPLOY = "services:\n  {name}:\n    image: nginx:1.27\n{extra}    deploy:\n      restart_policy:\n        {policy}\n"


def inline(*lines: str, extra: str = "") -> str:
    """A service built from a `dockerfile_inline` of ``lines`` (a double-quoted YAML string) that restarts."""
    dockerfile = "\\n".join(lines)
    return (
        f'services:\n  web:\n    build:\n      context: .\n      dockerfile_inline: "{dockerfile}"\n{extra}'
        "    restart: always\n"
    )


TRIGGERS = [
    ("services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n", 2, 3),
    ("services:\n  web:\n    image: nginx:1.27\n    ports: ['8080:80']\n", 2, 3),
    ("services:\n  app:\n    image: x:1\n    depends_on: [db]\n  db:\n    image: postgres:17\n", 5, 3),
    (
        "services:\n  api:\n    image: example/api:1.0\n    ports:\n      - target: 8000\n        published: 8000\n",
        2,
        3,
    ),
    (
        "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      api:\n        condition: service_started\n"
        "    healthcheck:\n      test: [CMD, curl, -f, http://localhost/]\n  api:\n    image: example/api:1.0\n",
        9,
        3,
    ),
    ("x-restart: &restart\n  restart: always\nservices:\n  api:\n    <<: *restart\n    image: example/api:1.0\n", 4, 3),
    ("services:\n  web:\n    build: ./web\n    restart: on-failure\n", 2, 3),
    ("services:\n  web:\n    image: nginx:1.27\n    restart: ${RESTART:-always}\n", 2, 3),
    ("services:\n  web:\n    image: nginx:1.27\n    restart: on-failure:3\n", 2, 3),
    # deploy.restart_policy makes a service long-running as `restart` does (docker compose applies it).
    (DEPLOY.format(name="web", extra="", policy="condition: on-failure"), 2, 3),
    (DEPLOY.format(name="web", extra="", policy="max_attempts: 3"), 2, 3),
    (DEPLOY.format(name="web", extra="    restart: 'no'\n", policy="condition: any"), 2, 3),
    # An inline Dockerfile without a HEALTHCHECK in force: NONE, or only in a stage the build does not end with.
    (inline("FROM nginx:1.27", "HEALTHCHECK NONE"), 2, 3),
    (inline("FROM nginx:1.27", CURL, "HEALTHCHECK NONE"), 2, 3),
    (inline("FROM nginx:1.27 AS web", CURL, "FROM nginx:1.27"), 2, 3),
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
    "services:\n  web:  # dockwright ignore=service-without-healthcheck\n    image: nginx:1.27\n    restart: always\n",
    "services:\n  web:\n    image: nginx:1.27\n    restart: unless-stopped\n    healthcheck:\n"
    "      test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1']\n      interval: 30s\n",
    "x-health: &health\n  healthcheck:\n    test: [CMD, curl, -f, http://localhost/]\nservices:\n  web:\n"
    "    <<: *health\n"
    "    image: nginx:1.27\n    restart: always\n",
    "services:\n  web:\n    image: nginx:1.27\n    restart: always\n    healthcheck:\n      test: [NONE]\n",
    "services:\n  web:\n    image: nginx:1.27\n    expose: ['80']\n",
    "services:\n  web:\n    image: nginx:1.27\n    restart: \"no\"\n    ports: ['127.0.0.1:8080:80']\n",
    # A HEALTHCHECK in the inline Dockerfile counts as one in an analysed Dockerfile does.
    inline("FROM nginx:1.27", CURL),
    'services:\n  web:\n    build: {context: ., dockerfile_inline: "FROM nginx:1.27\\nHEALTHCHECK CMD curl -f '
    'http://localhost/"}\n    restart: always\n',
    "services:\n  web:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM nginx:1.27\n"
    "        HEALTHCHECK --interval=30s \\\n          CMD curl -f http://localhost/\n    restart: always\n",
    inline("FROM nginx:1.27 AS web", CURL, "FROM nginx:1.27", extra="      target: web\n"),
    inline("FROM nginx:1.27 AS base", CURL, "FROM base"),
    # deploy.restart_policy wins over `restart` in docker compose: `condition: none` makes a one-shot job.
    DEPLOY.format(name="job", extra="    ports: ['8080:80']\n", policy="condition: none"),
    DEPLOY.format(name="job", extra="    restart: always\n", policy="condition: none"),
]

test_triggers, test_near_misses = rule_table("DC031", TRIGGERS, NEAR_MISSES, kind="compose")


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        ("FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n", []),
        ("FROM nginx:1.27\n", [(2, 3)]),
        ("FROM nginx:1.27\nhealthcheck --interval=5s cmd curl -f http://localhost/\n", []),
        ("FROM nginx:1.27\nHEALTHCHECK \\\n  NONE\n", [(2, 3)]),
        ("FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK NONE\n", [(2, 3)]),
    ],
)
def test_a_healthcheck_in_the_analysed_dockerfile_counts(dockerfile: str, expected: list[tuple[int, int]]) -> None:
    compose = "services:\n  web:\n    build: ./web\n    restart: always\n"
    result = lint(compose, kind="compose", config={"today": TODAY}, files={"web/Dockerfile": dockerfile})
    assert [(f.line, f.column) for f in result.findings if f.rule == "DC031"] == expected
