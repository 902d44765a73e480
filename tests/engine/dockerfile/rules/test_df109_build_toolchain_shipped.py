from dockwright.lint import lint
from tests.engine.rule_table import rule_table

CMD = 'CMD ["python", "app.py"]\n'
TRIGGERS = [
    ("FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev\n" + CMD, 2, 42),
    ("FROM python:3.12-alpine\nRUN apk add --no-cache build-base postgresql-dev\n" + CMD, 2, 24),
    ("FROM rockylinux:9\nRUN dnf install -y gcc-c++ make && dnf clean all\n" + CMD, 2, 20),
    ('FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n', 1, 6),
    (
        'FROM node:20 AS base\nRUN apt-get update && apt-get install -y git\nFROM base\nCMD ["node", "server.js"]\n',
        2,
        42,
    ),
    ("FROM maven:3.9-eclipse-temurin-21\nCOPY . .\nRUN mvn package\nCMD java -jar target/app.jar\n", 1, 6),
]
NEAR_MISSES = [
    "FROM python:3.12-slim AS builder\nRUN apt-get update && apt-get install -y gcc\nFROM python:3.12-slim\n" + CMD,
    "FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n"
    "    && pip install psycopg2 && apk del .build-deps\n" + CMD,
    "FROM debian:12\nRUN apt-get update && apt-get install -y gcc && make && apt-get purge -y gcc\n" + CMD,
    "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5 curl\n" + CMD,
    "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y git gcc\n",
    "FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static\nCOPY --from=build /app /\n"
    'CMD ["/app"]\n',
]

test_triggers, test_near_misses = rule_table("DF109", TRIGGERS, NEAR_MISSES)


def test_development_dockerfiles_are_left_alone() -> None:
    snippet = 'FROM golang:1.23\nCMD ["go", "run", "."]\n'
    for name, expected in (("Dockerfile.dev", 0), (".devcontainer/Dockerfile", 0), ("Dockerfile", 1)):
        result = lint(snippet, kind="dockerfile", filename=name, config={"shellcheck": False})
        assert len([f for f in result.findings if f.rule == "DF109"]) == expected, name
