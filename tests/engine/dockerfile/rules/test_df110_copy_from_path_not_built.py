import pytest

from dockwright.lint import lint
from tests.engine.rule_table import rule_table

GO = "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY go.mod go.sum ./\nCOPY cmd ./cmd\n"
RUN = "FROM alpine:3.20\n"
TRIGGERS = [
    (GO + "RUN go build -o server ./cmd/server\n" + RUN + "COPY --from=build /app/server /server\n", 7, 19),
    (GO + "RUN CGO_ENABLED=0 go build -o /out/api .\n" + RUN + "COPY --from=build /src/api /api\n", 7, 19),
    (
        "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nWORKDIR /src\nCOPY Api.csproj .\n"
        "RUN dotnet publish -c Release -o /app/publish\n"
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0\nCOPY --from=build /src/publish .\n",
        6,
        19,
    ),
    (GO + "RUN go build -o bin/app .\n" + RUN + "COPY --from=0 /src/app /app\n", 7, 15),
    (
        "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o server .\n"
        + RUN
        + "COPY --from=build /app/server /server\n",
        6,
        19,
    ),
]
NEAR_MISSES = [
    GO + "RUN go build -o server ./cmd/server\n" + RUN + "COPY --from=build /src/server /server\n",
    GO + "RUN go build -o /out/api .\n" + RUN + "COPY --from=build /out/api /api\n",
    GO
    + "RUN go build -o server . && mkdir -p /app && cp server /app/server\n"
    + RUN
    + "COPY --from=build /app/server /s\n",
    GO + "RUN go build ./...\n" + RUN + "COPY --from=build /go/bin/app /app\n",
    GO + "RUN go build -o server .\n" + RUN + "COPY --from=build /src/cmd/config.yaml /config.yaml\n",
    "FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/api .\n"
    + RUN
    + "COPY --from=build /src/api /api\n",
    GO + "RUN go build -o server .\n" + RUN + "COPY --from=golang:1.23 /usr/local/go /go\n",
]

test_triggers, test_near_misses = rule_table("DF110", TRIGGERS, NEAR_MISSES)

NODE = (
    "FROM node:20 AS build\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n"
    "RUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/{folder} /usr/share/nginx/html\n"
)


@pytest.mark.parametrize(
    ("script", "folder", "files", "expected"),
    [
        ("tsc -b && vite build", "build", {}, 1),
        ("tsc -b && vite build", "dist", {}, 0),
        ("react-scripts build", "dist", {}, 1),
        ("react-scripts build", "build", {}, 0),
        ("vite build --outDir build", "build", {}, 0),
        ("vite build", "build", {"vite.config.ts": "export default { build: { outDir: 'build' } }\n"}, 0),
        ("webpack --mode production", "build", {}, 0),
    ],
)
def test_a_javascript_build_writes_its_tool_s_folder(
    script: str, folder: str, files: dict[str, str], expected: int
) -> None:
    package = '{"scripts": {"build": "' + script + '"}}'
    result = lint(
        NODE.format(folder=folder),
        kind="dockerfile",
        filename="Dockerfile",
        files={"package.json": package, **files},
        config={"shellcheck": False},
    )
    assert len([f for f in result.findings if f.rule == "DF110"]) == expected
