import pytest

from dockwright.lint import lint
from tests.engine.rule_table import rule_table

PY = "FROM python:3.12-slim\n"
TRIGGERS = [
    (PY + 'EXPOSE 80\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n', 2, 8),
    (PY + 'EXPOSE 8000\nCMD ["gunicorn", "--bind", "0.0.0.0:5000", "wsgi:app"]\n', 2, 8),
    (PY + "ENV FLASK_RUN_HOST=0.0.0.0\nEXPOSE 8000\nCMD flask run\n", 3, 8),
    ("FROM eclipse-temurin:21-jre\nENV SERVER_PORT=8081\nEXPOSE 8080\nCMD java -jar app.jar\n", 3, 8),
    (
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ASPNETCORE_URLS=http://+:5000\nEXPOSE 80\n"
        'ENTRYPOINT ["dotnet", "Api.dll"]\n',
        3,
        8,
    ),
    (
        PY + "EXPOSE 8000\nHEALTHCHECK CMD curl -f http://localhost:8080/health\n"
        'CMD ["uvicorn", "a:app", "--port", "8000"]\n',
        3,
        25,
    ),
    ('FROM golang:1.23 AS b\nFROM alpine:3.20\nEXPOSE 9000\nCMD ["/app", "-addr", ":8080"]\n', 3, 8),
    ('FROM php:8.3-fpm\nEXPOSE 80\nCMD ["php-fpm"]\n', 2, 8),
]
NEAR_MISSES = [
    PY + 'EXPOSE 8000\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]\n',
    PY + "EXPOSE 5000\nENV FLASK_RUN_HOST=0.0.0.0\nCMD flask run\n",
    PY + 'EXPOSE 80\nCMD ["python", "worker.py"]\n',
    'FROM node:20-alpine\nENV PORT=4000\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
    "FROM nginx:1.27\nEXPOSE 80\n",
    PY + 'EXPOSE 8000 9100\nCMD ["uvicorn", "app:app", "--port", "8000"]\n',
    PY
    + 'EXPOSE 8000\nHEALTHCHECK CMD curl -f http://api.example.com:8080/\nCMD ["uvicorn", "a:app", "--port", "8000"]\n',
    'FROM rails:7\nEXPOSE 3000\nCMD ["bin/rails", "server", "-b", "0.0.0.0"]\n',
    PY + 'EXPOSE 80\nCMD ["uvicorn", "app:app", "--port", "${PORT}"]\n',
]

test_triggers, test_near_misses = rule_table("DF112", TRIGGERS, NEAR_MISSES)


def _positions(snippet: str, files: dict[str, str]) -> list[tuple[int, int]]:
    result = lint(
        snippet,
        kind="dockerfile",
        filename="Dockerfile",
        files=files,
        config={"shellcheck": False, "enable": ["DF112"]},
    )
    return [(f.line, f.column) for f in result.findings if f.rule == "DF112"]


@pytest.mark.parametrize(
    ("config_path", "config", "expose", "expected"),
    [
        ("/etc/nginx/conf.d/default.conf", "server {\n    listen 8080;\n}\n", "80", [(3, 8)]),
        ("/etc/nginx/conf.d/default.conf", "server {\n    listen 80;\n}\n", "80", []),
        ("/etc/nginx/conf.d/app.conf", "server {\n    listen 8080;\n}\n", "80", []),
    ],
)
def test_the_nginx_configuration_the_image_copies_is_read(
    config_path: str, config: str, expose: str, expected: list[tuple[int, int]]
) -> None:
    snippet = f"FROM nginx:1.27-alpine\nCOPY nginx.conf {config_path}\nEXPOSE {expose}\n"
    assert _positions(snippet, {"nginx.conf": config}) == expected


def test_the_caddyfile_the_image_copies_is_read() -> None:
    snippet = "FROM caddy:2.8-alpine\nCOPY Caddyfile /etc/caddy/Caddyfile\nEXPOSE 8080\n"
    assert _positions(snippet, {"Caddyfile": ":80 {\n\tfile_server\n}\n"}) == [(3, 8)]


def test_a_configuration_outside_the_analysis_is_not_guessed() -> None:
    assert _positions("FROM nginx:1.27-alpine\nCOPY nginx.conf /etc/nginx/conf.d/default.conf\nEXPOSE 9999\n", {}) == []


def test_a_project_script_s_arguments_are_not_taken_for_a_server() -> None:
    snippet = 'FROM python:3.12\nEXPOSE 8080\nENTRYPOINT ["/usr/bin/tini", "--", "/app/start.sh"]\nCMD ["serve"]\n'
    assert _positions(snippet, {}) == []
