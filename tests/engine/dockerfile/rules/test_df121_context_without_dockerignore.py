import pytest

from dockwright.lint import lint

N = "FROM node:20-slim\nWORKDIR /app\n"
FOLDER = {"package.json": "{}\n", "server.js": "\n"}
TRIGGERS = [
    (N + "COPY . .\n", 3, 6),
    (N + "COPY ./ /app/\n", 3, 6),
    (N + "ADD . /app\n", 3, 5),
    (N + "COPY --chown=node:node . .\n", 3, 24),
    ("FROM golang:1.23 AS build\nWORKDIR /src\nCOPY * ./\nRUN go build -o /app .\nFROM scratch\n", 3, 6),
    (N + "ARG SRC=.\nCOPY ${SRC} .\n", 4, 6),
]
NEAR_MISSES = [
    N + "COPY package.json server.js ./\n",
    N + "COPY src/ ./src/\n",
    N + "COPY --from=build /app .\n",
    N + "COPY <<EOF .\nhello\nEOF\n",
    N + "ADD https://example.com/app.tgz .\n",
    N + "COPY ./src .\n",
]


def _positions(snippet: str, files: dict[str, str] | None, filename: str = "Dockerfile") -> list[tuple[int, int]]:
    result = lint(snippet, kind="dockerfile", filename=filename, files=files, config={"shellcheck": False})
    return [(f.line, f.column) for f in result.findings if f.rule == "DF121"]


@pytest.mark.parametrize(("snippet", "line", "column"), TRIGGERS)
def test_triggers(snippet: str, line: int, column: int) -> None:
    assert (line, column) in _positions(snippet, FOLDER)


@pytest.mark.parametrize("snippet", NEAR_MISSES)
def test_near_misses(snippet: str) -> None:
    assert _positions(snippet, FOLDER) == []


@pytest.mark.parametrize("ignore", [".dockerignore", "Dockerfile.dockerignore"])
def test_an_ignore_file_keeps_it_quiet(ignore: str) -> None:
    assert _positions(N + "COPY . .\n", {**FOLDER, ignore: ".git\n"}) == []


def test_a_dockerfile_sent_alone_says_nothing_about_its_folder() -> None:
    assert _positions(N + "COPY . .\n", None) == []


def test_the_message_names_what_the_folder_holds() -> None:
    files = {**FOLDER, ".env": "SECRET=x\n", ".git/HEAD": "ref: refs/heads/main\n"}
    result = lint(N + "COPY . .\n", kind="dockerfile", filename="Dockerfile", files=files)
    assert [f.message for f in result.findings if f.rule == "DF121"] == [
        "COPY copies the whole folder and there is no .dockerignore: `.env` (with its secrets) goes into the "
        "image, with whatever else it holds (.git, local virtualenvs, node_modules)"
    ]
