import pytest

from dockwright.lint import lint
from tests.engine.rule_table import rule_table


def _built(dockerfile: str, rest: str) -> str:
    """A compose file whose service `api` builds ``dockerfile`` (inline, lines 6 on), then ``rest``."""
    inline = "".join(f"        {line}\n" for line in dockerfile.splitlines())
    return "services:\n  api:\n    build:\n      context: .\n      dockerfile_inline: |\n" + inline + rest


NODE = 'FROM node:22-alpine\nEXPOSE 3000\nCMD ["node", "server.js"]'
UVICORN = 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]'
GUNICORN = 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]'
NODE_CHECKED = (
    'FROM node:22-alpine\nENV PORT=3000\nHEALTHCHECK CMD wget -qO- http://127.0.0.1:3000/healthz\nCMD ["node", "s.js"]'
)

TRIGGERS = [
    # PORT set where the container runs moves a Node.js server away from what EXPOSE says.
    (_built(NODE, '    environment:\n      PORT: "4000"\n'), 10, 13),
    (_built(NODE, "    environment:\n      - PORT=4000\n"), 10, 9),
    # The command's option moves uvicorn; the whole command string is the setting.
    (_built(UVICORN, "    command: uvicorn app:app --host 0.0.0.0 --port 9000\n"), 9, 14),
    # An exec-form command: the word holding the new address.
    (_built(GUNICORN, "    command: ['gunicorn', '-b', '0.0.0.0:9000', 'app:app']\n"), 9, 33),
    # Another program replaces the image's: its default port is not the one EXPOSE names.
    (_built(UVICORN, "    command: flask run --host 0.0.0.0\n"), 9, 14),
    # The image's health check still asks the port its ENV named (a convention the image alone cannot confirm).
    (_built(NODE_CHECKED, '    environment:\n      PORT: "4000"\n'), 11, 13),
    # A UDP port the service exposes is not the TCP port it moved the server to.
    (_built(NODE, '    environment:\n      PORT: "4000"\n    expose:\n      - "4000/udp"\n'), 10, 13),
]
NEAR_MISSES = [
    _built(NODE.replace("3000", "4000"), '    environment:\n      PORT: "4000"\n'),
    _built('FROM node:22-alpine\nCMD ["node", "server.js"]', '    environment:\n      PORT: "4000"\n'),
    # Nothing moves the server: PORT only in the image, or not set at all.
    _built('FROM node:22-alpine\nENV PORT=4000\nEXPOSE 3000\nCMD ["node", "server.js"]', "    restart: always\n"),
    _built(NODE, "    restart: always\n"),
    # The service exposes the port it moved the server to.
    _built(NODE, '    environment:\n      PORT: "4000"\n    expose:\n      - "4000"\n'),
    _built(NODE, '    environment:\n      PORT: "4000"\n    expose:\n      - "4000/tcp"\n'),
    # The Dockerfile disagrees with its own server already: DF112 reports that in the Dockerfile.
    _built(UVICORN.replace("EXPOSE 8000", "EXPOSE 80"), "    command: uvicorn app:app --host 0.0.0.0 --port 9000\n"),
    # The compose file sets its own health check test, or turns the image's off.
    _built(
        NODE_CHECKED,
        '    environment:\n      PORT: "4000"\n    healthcheck:\n'
        '      test: ["CMD", "wget", "-qO-", "http://127.0.0.1:4000/healthz"]\n',
    ),
    _built(NODE_CHECKED, '    environment:\n      PORT: "4000"\n    healthcheck:\n      disable: true\n'),
    # A PORT from a variable without a value says nothing.
    _built(NODE, "    environment:\n      PORT: ${API_PORT}\n"),
    # The server does not read PORT: the environment moves nothing.
    _built(UVICORN, '    environment:\n      PORT: "9000"\n'),
    # The same port as the image's.
    _built(
        'FROM node:22-alpine\nENV PORT=3000\nEXPOSE 3000\nCMD ["node", "s.js"]',
        '    environment:\n      PORT: "3000"\n',
    ),
    _built(UVICORN, "    command: uvicorn app:app --host 0.0.0.0 --port 8000 --workers 4\n"),
    # Only UDP is exposed.
    _built(NODE.replace("3000", "3000/udp"), '    environment:\n      PORT: "4000"\n'),
    # No Dockerfile in the analysis: what the image declares is unknown.
    "services:\n  api:\n    image: node:22-alpine\n    command: node server.js\n    environment:\n      PORT: '4000'\n",
]

test_triggers, test_near_misses = rule_table("DC070", TRIGGERS, NEAR_MISSES, kind="compose")

DOCKERFILE = (
    "FROM node:20-alpine\nENV NODE_ENV=production\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n"
    'COPY src ./src\nUSER node\nEXPOSE 3000\nCMD ["node", "src/server.js"]\n'
)


def _findings(compose: str, files: dict[str, str], filename: str = "compose.yaml") -> list[str]:
    result = lint(
        compose, kind="compose", filename=filename, files=files, config={"shellcheck": False, "enable": ["DC070"]}
    )
    return [f"{f.line}:{f.column} {f.message}" for f in result.findings if f.rule == "DC070"]


def test_the_finding_is_on_the_setting_and_cites_the_dockerfile_line() -> None:
    compose = "services:\n  api:\n    build: ./api\n    environment:\n      NODE_ENV: production\n      PORT: '4000'\n"
    assert _findings(compose, {"api/Dockerfile": DOCKERFILE}) == [
        "6:13 node listens on 4000 (environment PORT=4000), but api/Dockerfile line 8 EXPOSEs 3000: whoever "
        "publishes or proxies the port the image declares reaches nothing"
    ]


def test_a_dockerfile_outside_the_analysis_is_not_judged() -> None:
    compose = "services:\n  api:\n    build: ./api\n    environment:\n      PORT: '4000'\n"
    assert _findings(compose, {}) == []


def test_an_env_file_that_moves_the_port_is_reported_on_its_entry_citing_its_line() -> None:
    compose = "services:\n  api:\n    build: ./api\n    env_file:\n      - api.env\n"
    files = {"api/Dockerfile": DOCKERFILE, "api.env": "# the api\nPORT=4000\n"}
    assert _findings(compose, files) == [
        "5:9 api.env line 2: node listens on 4000 (env_file PORT=4000), but api/Dockerfile line 8 EXPOSEs 3000: "
        "whoever publishes or proxies the port the image declares reaches nothing"
    ]


def test_expose_and_the_health_check_are_each_reported() -> None:
    dockerfile = DOCKERFILE.replace("EXPOSE 3000\n", "EXPOSE 3000\nHEALTHCHECK CMD wget -qO- http://localhost:3000/\n")
    compose = "services:\n  api:\n    build: ./api\n    environment:\n      PORT: '4000'\n"
    found = _findings(compose, {"api/Dockerfile": dockerfile})
    assert [f.split(" but ")[1].split(":")[0] for f in found] == [
        "api/Dockerfile line 8 EXPOSEs 3000",
        "the HEALTHCHECK in api/Dockerfile line 9 asks port 3000",
    ]


@pytest.mark.parametrize(
    ("linted", "expected"),
    [("compose.yaml", 0), ("compose.override.yaml", 1)],
)
def test_a_setting_in_another_file_of_the_project_is_reported_in_that_file(linted: str, expected: int) -> None:
    files = {
        "compose.yaml": "services:\n  api:\n    build: ./api\n",
        "compose.override.yaml": "services:\n  api:\n    environment:\n      PORT: '4000'\n",
        "api/Dockerfile": DOCKERFILE,
    }
    others = {path: text for path, text in files.items() if path != linted}
    assert len(_findings(files[linted], others, linted)) == expected
