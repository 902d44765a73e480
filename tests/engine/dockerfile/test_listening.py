"""The listening query: what the main process of an image listens on, from its command, environment and files."""

from __future__ import annotations

import pytest

from dockwright.dockerfile.parser import parse_dockerfile
from dockwright.dockerfile.queries.listening import Arg, Process, listeners, stage_process
from dockwright.dockerfile.queries.server_configs import nginx_directives, nginx_listens, nginx_passes, read_caddyfile


def _addresses(text: str, files: dict[str, str] | None = None) -> list[tuple[str, str | None, int | None]]:
    stage = parse_dockerfile(text).final_stage
    assert stage is not None
    return [(lis.program, lis.host, lis.port) for lis in listeners(stage_process(stage, files))]


@pytest.mark.parametrize(
    ("dockerfile", "expected"),
    [
        ('FROM python:3\nCMD ["uvicorn", "a:app"]\n', [("uvicorn", "127.0.0.1", 8000)]),
        ('FROM python:3\nCMD ["python", "-m", "uvicorn", "a:app", "--port=9000"]\n', [("uvicorn", "127.0.0.1", 9000)]),
        (
            "FROM python:3\nCMD exec gunicorn -b 0.0.0.0:80 -b [::1]:81 app\n",
            [("gunicorn", "0.0.0.0", 80), ("gunicorn", "::1", 81)],
        ),
        (
            'FROM python:3\nENV GUNICORN_CMD_ARGS="--bind 0.0.0.0:7000"\nCMD ["gunicorn", "app"]\n',
            [("gunicorn", "0.0.0.0", 7000)],
        ),
        (
            'FROM python:3\nENTRYPOINT ["tini", "--"]\nCMD ["flask", "run", "-p", "8080"]\n',
            [("flask run", "127.0.0.1", 8080)],
        ),
        (
            'FROM python:3\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["daphne", "-b", "0.0.0.0", "a:app"]\n',
            [("daphne", "0.0.0.0", 8000)],
        ),
        (
            "FROM python:3\nCMD python manage.py migrate && python manage.py runserver 0.0.0.0:8000\n",
            [("runserver", "0.0.0.0", 8000)],
        ),
        ('FROM python:3\nCMD ["sh", "-c", "poetry run hypercorn -b :8080 a:app"]\n', [("hypercorn", "", 8080)]),
        ('FROM node:20\nCMD ["npx", "next", "start", "-p", "4000"]\n', [("next", "0.0.0.0", 4000)]),
        ('FROM php:8.3-fpm\nCMD ["php-fpm"]\n', [("php-fpm", "", 9000)]),
        (
            'FROM eclipse-temurin:21\nCMD ["java", "-Dserver.port=9090", "-jar", "app.jar"]\n',
            [("Spring Boot", "", 9090)],
        ),
        ("FROM traefik:v3.1\n", [("traefik", "", 80)]),
        ("FROM nginx:1.27\n", [("nginx", "", 80)]),
        ('FROM python:3\nCMD ["python", "worker.py"]\n', []),
        ('FROM python:3\nCMD ["uvicorn", "a:app", "--uds", "/tmp/s.sock"]\n', []),
        ("FROM python:3\nENTRYPOINT python -m http.server 9000\nCMD ignored\n", [("http.server", "", 9000)]),
    ],
)
def test_the_listening_address_is_read_from_the_command(
    dockerfile: str, expected: list[tuple[str, str | None, int | None]]
) -> None:
    assert _addresses(dockerfile, {}) == expected


def test_an_entrypoint_after_the_cmd_resets_it() -> None:
    text = 'FROM python:3 AS base\nCMD ["uvicorn", "a:app"]\nFROM base\nENTRYPOINT ["/app/run"]\n'
    assert _addresses(text, {}) == []


def test_a_compose_like_override_replaces_the_command() -> None:
    process = Process(command=(Arg("uvicorn"), Arg("a:app"), Arg("--host"), Arg("0.0.0.0")), env={})
    assert [(lis.host, lis.port) for lis in listeners(process)] == [("0.0.0.0", 8000)]


def test_nginx_configuration_directives_are_read_with_their_lines() -> None:
    text = (
        "upstream django {\n    server web:8000;\n}\nserver {\n    listen 80; # the site\n    listen [::]:8443 ssl;\n"
        "    location / { proxy_pass http://django; }\n    location /api { proxy_pass http://api:3000/v1; }\n"
        '    location ~ \\.php$ { fastcgi_pass php:9000; }\n    add_header X "a;b";\n}\n'
    )
    directives = nginx_directives(text)
    assert [(a.host, a.port, a.line) for a in nginx_listens(directives)] == [("", 80, 5), ("::", 8443, 6)]
    assert [(a.host, a.port, d.line) for d, a in nginx_passes(directives)] == [
        ("web", 8000, 7),
        ("api", 3000, 8),
        ("php", 9000, 9),
    ]


def test_a_caddyfile_gives_its_sites_upstreams_and_admin_address() -> None:
    config = read_caddyfile(
        "{\n\temail ops@example.com\n\tadmin 0.0.0.0:2019\n}\n\n"
        "shop.example.com, :8080 {\n\treverse_proxy app:3000\n}\n"
    )
    assert [(a.host, a.port) for a in config.sites] == [("shop.example.com", 443), ("", 8080)]
    assert [(a.host, a.port, a.line) for a in config.upstreams] == [("app", 3000, 7)]
    assert config.admin is not None and (config.admin.host, config.admin.port) == ("0.0.0.0", 2019)
