import pytest

from dockwright.lint import lint

IGNORE = "# secrets and junk\n.env\n*.log\nnode_modules\n**/__pycache__\ndocs/\n!docs/keep.md\n"
N = "FROM node:22-slim\nWORKDIR /app\n"

TRIGGERS = [
    (N + "COPY .env ./\n", 3, 6),
    (N + "COPY package.json debug.log ./\n", 3, 19),
    (N + "COPY node_modules/lodash ./node_modules/lodash\n", 3, 6),
    (N + "ADD src/pkg/__pycache__/x.pyc /tmp/\n", 3, 5),
    (N + "ARG SECRET_FILE=.env\nCOPY ${SECRET_FILE} ./\n", 4, 6),
    (N + "COPY ./docs/guide.md ./\n", 3, 6),
]
NEAR_MISSES = [
    N + "COPY package.json ./\n",
    N + "COPY . .\n",
    N + "COPY docs/keep.md ./\n",
    N + "COPY --from=build /app/.env ./\n",
    N + "COPY *.log ./\n",
    N + "ADD https://example.com/.env ./\n",
    N + "# check=skip=CopyIgnoredFile\nCOPY .env ./\n",
]


def positions(snippet: str, files: dict[str, str], filename: str | None = None) -> list[tuple[int, int]]:
    result = lint(snippet, kind="dockerfile", filename=filename, files=files, config={"shellcheck": False})
    return [(f.line, f.column) for f in result.findings if f.rule == "DF107"]


@pytest.mark.parametrize(("snippet", "line", "column"), TRIGGERS)
def test_triggers(snippet: str, line: int, column: int) -> None:
    assert (line, column) in positions(snippet, {".dockerignore": IGNORE})


@pytest.mark.parametrize("snippet", NEAR_MISSES)
def test_near_misses(snippet: str) -> None:
    assert positions(snippet, {".dockerignore": IGNORE}) == []


def test_nothing_is_reported_without_a_dockerignore() -> None:
    assert positions(N + "COPY .env ./\n", {}) == []


def test_a_dockerfile_specific_ignore_file_wins() -> None:
    files = {".dockerignore": ".env\n", "prod.Dockerfile.dockerignore": "*.md\n"}
    snippet = N + "COPY .env README.md ./\n"
    assert positions(snippet, files, filename="prod.Dockerfile") == [(3, 11)]


@pytest.mark.parametrize("ignore", ["*\n", "**\n", "**/*\n", "# everything\n*\n"])
def test_the_context_root_is_excluded_by_a_pattern_that_excludes_everything(ignore: str) -> None:
    assert positions(N + "COPY . .\n", {".dockerignore": ignore}) == [(3, 6)]
    assert positions(N + "COPY ./ /app/\n", {".dockerignore": ignore}) == [(3, 6)]


@pytest.mark.parametrize("ignore", [".*\n", "*.md\n", "node_modules\n", "*\n!src\n"])
def test_the_context_root_is_not_excluded_by_other_patterns(ignore: str) -> None:
    assert positions(N + "COPY . .\n", {".dockerignore": ignore}) == []
