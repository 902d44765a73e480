import pytest

from dockwright.dockerfile.image import parse_image
from dockwright.rules.dockerfile.df007_http_client_missing import shipped_tools
from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12-slim\nHEALTHCHECK CMD curl -fsS http://localhost:8000/ || exit 1\n", 2, 17),
    ("FROM python:3.12-alpine\nHEALTHCHECK CMD curl -f http://localhost/\n", 2, 17),
    ('FROM node:22-slim\nHEALTHCHECK --interval=5s CMD ["wget", "-qO-", "http://localhost/"]\n', 2, 32),
    ("FROM debian:12\nCMD curl http://example.com\n", 2, 5),
    ("FROM alpine:3.20 AS base\nFROM base\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n", 3, 17),
    ('FROM gcr.io/distroless/python3-debian12\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n', 2, 18),
    ('FROM scratch\nCOPY app /app\nHEALTHCHECK CMD ["wget", "-q", "http://localhost/"]\n', 3, 18),
    (
        "FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y git\n"
        "HEALTHCHECK CMD wget -q http://localhost/ || exit 1\n",
        3,
        17,
    ),
    ('FROM golang:1.23-alpine\nENTRYPOINT ["/usr/bin/curl", "-s"]\n', 2, 13),
]
NEAR_MISSES = [
    "FROM python:3.12\nHEALTHCHECK CMD curl -f http://localhost/\n",
    "FROM python:3.12-alpine\nHEALTHCHECK CMD wget -q --spider http://localhost/\n",
    "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
    "    && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost/\n",
    "FROM alpine:3.20\nRUN apk add --no-cache curl\nHEALTHCHECK CMD curl -f http://localhost/\n",
    "FROM debian:12\nRUN aptitude install -y curl=7.88.1-10\nHEALTHCHECK CMD curl -f http://localhost/\n",
    "FROM node:22-slim AS base\nRUN apt-get update && apt-get install -y wget\nFROM base\n"
    "HEALTHCHECK CMD wget -q http://localhost/\n",
    "FROM gcr.io/distroless/static\nCOPY --from=curlimages/curl:8.10.1 /usr/bin/curl /usr/bin/curl\n"
    'HEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
    "FROM acme/app:1.0\nHEALTHCHECK CMD curl -f http://localhost/\n",
    "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n",
    # Only the stage that becomes the image matters.
    'FROM python:3.12-slim AS test\nHEALTHCHECK CMD curl -f http://x/\nFROM python:3.12\nCMD ["python"]\n',
    "FROM python:3.12-slim\n# dockwright ignore=DF007\nHEALTHCHECK CMD curl -f http://localhost/\n",
]

test_triggers, test_near_misses = rule_table("DF007", TRIGGERS, NEAR_MISSES)


@pytest.mark.parametrize(
    ("image", "curl", "wget"),
    [
        ("python:3.12", True, True),
        ("python:3.12-slim-bookworm", False, False),
        ("python:3.12-alpine3.20", False, True),
        ("node:22", True, True),
        ("node:22-bookworm-slim", False, False),
        ("node:22-alpine", False, True),
        ("debian:12-slim", False, False),
        ("ubuntu:24.04", False, False),
        ("alpine:3.20", False, True),
        ("scratch", False, False),
        ("gcr.io/distroless/base-debian12", False, False),
        ("nginx:1.27", True, None),
        ("acme/python:3.12-slim", None, None),
    ],
)
def test_table_of_shipped_tools(image: str, curl: bool | None, wget: bool | None) -> None:
    shipped = shipped_tools(parse_image(image))
    assert (shipped.get("curl"), shipped.get("wget")) == (curl, wget)
