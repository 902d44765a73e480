import pytest

from dockwright.lint import lint
from tests.engine.rule_table import rule_table

TRIGGERS = [
    (
        "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    ports:\n      - '3000:3000'\n"
        "    environment:\n      GF_SERVER_HTTP_PORT: '3001'\n",
        5,
        9,
    ),
    (
        "services:\n  api:\n    image: python:3.12-slim\n    command: uvicorn app:app --host 0.0.0.0 --port 8000\n"
        "    ports:\n      - '80:80'\n",
        6,
        9,
    ),
    ("services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - '8080:8080'\n", 5, 9),
    ("services:\n  db:\n    image: postgres:16\n    ports:\n      - target: 5433\n        published: 5432\n", 5, 9),
    (
        "services:\n  ui:\n    image: dpage/pgadmin4:8.11\n    environment:\n      PGADMIN_LISTEN_PORT: '5050'\n"
        "    ports:\n      - '5050:80'\n",
        7,
        9,
    ),
    (
        "services:\n  web:\n    image: python:3.12\n    command: ['gunicorn', '-b', '0.0.0.0:5000', 'app:app']\n"
        "    ports:\n      - '127.0.0.1:8000:8000'\n",
        6,
        9,
    ),
]
NEAR_MISSES = [
    "services:\n  grafana:\n    image: grafana/grafana:11.2.0\n    ports:\n      - '3000:3000'\n",
    "services:\n  proxy:\n    image: nginx:1.27\n    ports:\n      - '8080:80'\n      - '443:443/udp'\n",
    "services:\n  app:\n    image: node:20\n    command: node server.js\n    environment:\n      PORT: '4000'\n"
    "    ports:\n      - '4000:4000'\n",
    "services:\n  app:\n    image: acme/unknown:1.0\n    ports:\n      - '9999:9999'\n",
    "services:\n  db:\n    image: mysql:8.4\n    command: --default-authentication-plugin=mysql_native_password\n"
    "    ports:\n      - '3306:3306'\n",
    "services:\n  traefik:\n    image: traefik:v3.1\n"
    "    command: ['--api.insecure=true', '--entrypoints.web.address=:80']\n"
    "    ports:\n      - '80:80'\n      - '8080:8080'\n",
    "services:\n  api:\n    image: python:3.12\n    command: uvicorn app:app --port ${PORT}\n"
    "    ports:\n      - '80:80'\n",
]

test_triggers, test_near_misses = rule_table("DC050", TRIGGERS, NEAR_MISSES, kind="compose")


def _findings(compose: str, files: dict[str, str]) -> list[str]:
    result = lint(
        compose, kind="compose", filename="compose.yaml", files=files, config={"shellcheck": False, "enable": ["DC050"]}
    )
    return [f"{f.line}:{f.column} {f.message}" for f in result.findings if f.rule == "DC050"]


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        ('FROM python:3.12\nEXPOSE 80\nCMD ["uvicorn", "a:app", "--host", "0.0.0.0", "--port", "8000"]\n', 1),
        ('FROM python:3.12\nCMD ["uvicorn", "a:app", "--host", "0.0.0.0", "--port", "80"]\n', 0),
        ("FROM nginx:1.27\nCOPY site.conf /etc/nginx/conf.d/default.conf\n", 1),
        ('FROM node:20\nEXPOSE 3000\nCMD ["node", "server.js"]\n', 1),
        ('FROM node:20\nEXPOSE 80\nCMD ["node", "server.js"]\n', 0),
    ],
)
def test_the_dockerfile_the_service_builds_says_what_it_listens_on(dockerfile: str, expected: int) -> None:
    compose = "services:\n  web:\n    build: .\n    ports:\n      - '8080:80'\n"
    files = {"Dockerfile": dockerfile, "site.conf": "server {\n    listen 8000;\n}\n"}
    found = _findings(compose, files)
    assert len(found) == expected, found


def test_the_message_names_the_setting_and_where_it_is() -> None:
    compose = "services:\n  web:\n    build: .\n    ports:\n      - '8080:80'\n"
    files = {"Dockerfile": 'FROM python:3.12\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n'}
    assert _findings(compose, files) == [
        "5:9 service 'web' publishes container port 80, but gunicorn listens on 8000 (`-b 0.0.0.0:8000`) in "
        "Dockerfile line 2: connections to it are refused"
    ]


def test_a_server_configured_by_an_unreadable_template_is_not_judged() -> None:
    compose = (
        "services:\n  edge:\n    image: nginx:1.28.0-bookworm\n    volumes:\n"
        "      - ./nginx/edge.conf:/etc/nginx/templates/nginx.conf.template:ro\n    ports:\n      - '443:443'\n"
    )
    assert _findings(compose, {"nginx/edge.conf": "server { listen ${EDGE_HTTPS_PORT} ssl; }\n"}) == []
