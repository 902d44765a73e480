import pytest

from dockwright.lint import lint
from tests.engine.rule_table import rule_table

API = "  api:\n    image: python:3.12\n    command: uvicorn app:app --host 0.0.0.0 --port 8000\n"
TRIGGERS = [
    ("services:\n" + API + "    labels:\n      - traefik.http.services.api.loadbalancer.server.port=8080\n", 6, 9),
    ("services:\n" + API + "    labels:\n      traefik.http.services.api.loadbalancer.server.port: '3000'\n", 6, 59),
    (
        "services:\n  web:\n    image: nginx:1.27\n    command: ['gunicorn', '-b', ':5000', 'a:b']\n"
        "    labels:\n      - traefik.http.services.web.loadbalancer.server.port=80\n",
        6,
        9,
    ),
    (
        "services:\n  app:\n    image: grafana/grafana:11.2.0\n"
        "    labels:\n      - traefik.http.services.app.loadbalancer.server.port=80\n",
        5,
        9,
    ),
    (
        "services:\n  ui:\n    image: mongo-express:1.0.2\n"
        "    labels:\n      - traefik.http.services.ui.loadbalancer.server.port=8080\n",
        5,
        9,
    ),  # PORT set for a Node.js program where it runs: the application reads it.
    (
        "services:\n  web:\n    image: node:22-alpine\n    command: ['node', 'server.js']\n"
        "    environment:\n      PORT: '4000'\n"
        "    labels:\n      - traefik.http.services.web.loadbalancer.server.port=3000\n",
        8,
        9,
    ),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: node:22-alpine\n    command: ['node', 'server.js']\n"
    "    environment:\n      PORT: '4000'\n"
    "    labels:\n      - traefik.http.services.web.loadbalancer.server.port=4000\n",
    "services:\n" + API + "    labels:\n      - traefik.http.services.api.loadbalancer.server.port=8000\n",
    "services:\n  app:\n    image: acme/app:1\n    labels:\n"
    "      - traefik.http.services.app.loadbalancer.server.port=9\n",
    "services:\n" + API + "    labels:\n      - traefik.http.routers.api.rule=Host(`api.localhost`)\n",
    "services:\n  app:\n    image: node:20\n    command: node s.js\n    environment:\n      PORT: '4000'\n"
    "    labels:\n      - traefik.http.services.app.loadbalancer.server.port=4000\n",
    "services:\n" + API + "    labels:\n      - traefik.http.services.api.loadbalancer.server.port=${PORT}\n",
]

test_triggers, test_near_misses = rule_table("DC052", TRIGGERS, NEAR_MISSES, kind="compose")

PROXY = (
    "services:\n  web:\n    image: python:3.12\n    command: gunicorn -b 0.0.0.0:8000 app:app\n"
    "  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx.conf:/etc/nginx/conf.d/default.conf:ro\n"
)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("upstream app {\n    server web:8080;\n}\nserver {\n    location / { proxy_pass http://app; }\n}\n", 1),
        ("server {\n    location / { proxy_pass http://web:8000; }\n}\n", 0),
        ("server {\n    location / { proxy_pass http://wbe:8000; }\n}\n", 1),
        ("server {\n    location / { proxy_pass http://api.example.com; }\n}\n", 0),
        ("server {\n    location / { proxy_pass http://$backend; }\n}\n", 0),
    ],
)
def test_a_mounted_nginx_configuration_is_read(config: str, expected: int) -> None:
    result = lint(PROXY, kind="compose", filename="compose.yaml", files={"nginx.conf": config})
    found = [f for f in result.findings if f.rule == "DC052"]
    assert len(found) == expected, found
    assert all(f.line == 8 for f in found)


def test_a_caddyfile_upstream_is_read() -> None:
    compose = (
        "services:\n  app:\n    image: python:3.12\n    command: uvicorn a:app --host 0.0.0.0 --port 8000\n"
        "  caddy:\n    image: caddy:2.8\n    volumes:\n      - ./Caddyfile:/etc/caddy/Caddyfile\n"
    )
    result = lint(
        compose, kind="compose", filename="compose.yaml", files={"Caddyfile": ":80 {\n\treverse_proxy app:3000\n}\n"}
    )
    assert [f.message for f in result.findings if f.rule == "DC052"] == [
        "./Caddyfile line 2 sends requests to `app:3000`, but in service 'app', uvicorn listens on 8000 "
        "(`--port 8000`): the proxy answers 502"
    ]
