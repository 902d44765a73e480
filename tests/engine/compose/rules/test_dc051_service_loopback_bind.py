from dockwright.lint import lint
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  api:\n    image: python:3.12-slim\n    command: uvicorn app:app --host 127.0.0.1\n", 4, 14),
    ("services:\n  links:\n    build: .\n    command: ['links', '--listen', 'localhost:9000']\n", 4, 36),
    ("services:\n  web:\n    image: python:3.12\n    command: flask run\n", 4, 14),
    (
        "services:\n  web:\n    image: python:3.12\n    command: flask run\n    environment:\n"
        "      FLASK_RUN_HOST: 127.0.0.1\n",
        6,
        23,
    ),
    (
        "services:\n  api:\n    image: mcr.microsoft.com/dotnet/aspnet:8.0\n    command: ['dotnet', 'Api.dll']\n"
        "    environment:\n      - ASPNETCORE_URLS=http://localhost:5000\n",
        6,
        9,
    ),
]
NEAR_MISSES = [
    "services:\n  api:\n    image: python:3.12-slim\n    command: uvicorn app:app --host 0.0.0.0\n",
    "services:\n  api:\n    image: python:3.12-slim\n    command: uvicorn app:app --host 0.0.0.0\n"
    "    ports:\n      - '127.0.0.1:8000:8000'\n",
    "services:\n  api:\n    image: python:3.12\n    command: uvicorn app:app --host 0.0.0.0\n    healthcheck:\n"
    "      test: ['CMD', 'curl', '-f', 'http://127.0.0.1:8000/']\n",
    "services:\n  web:\n    image: python:3.12\n    command: flask run\n    environment:\n"
    "      FLASK_RUN_HOST: 0.0.0.0\n",
    "services:\n  worker:\n    image: python:3.12\n    command: celery -A proj worker\n",
    "services:\n  api:\n    image: python:3.12\n    command: uvicorn app:app --host ${HOST}\n",
]

test_triggers, test_near_misses = rule_table("DC051", TRIGGERS, NEAR_MISSES, kind="compose")


def test_a_bind_the_dockerfile_sets_is_left_to_the_dockerfile_rule() -> None:
    compose = "services:\n  api:\n    build: .\n    ports:\n      - '8000:8000'\n"
    files = {"Dockerfile": 'FROM python:3.12\nCMD ["uvicorn", "app:app", "--host", "127.0.0.1"]\n'}
    result = lint(compose, kind="compose", filename="compose.yaml", files=files, config={"shellcheck": False})
    assert [f for f in result.findings if f.rule == "DC051"] == []
