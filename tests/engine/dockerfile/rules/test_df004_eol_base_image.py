from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("FROM python:3.8-slim\n", 1, 6),
    ("FROM node:16-alpine\n", 1, 6),
    ("FROM python:3.12-slim-buster\n", 1, 6),
    ("ARG PG=12\nFROM postgres:${PG}\n", 2, 6),
    ("FROM ubuntu:focal\n", 1, 6),
    ("FROM alpine:3.16\n", 1, 6),
    ("FROM python:3.13\nFROM node:gallium AS web\n", 2, 6),
    # A major alone stays on the last release of a line that has ended.
    ("FROM redis:6-alpine\n", 1, 6),
    ("FROM mysql:5\n", 1, 6),
    # Every minor of a release line.
    ("FROM elasticsearch:7.12.1\n", 1, 6),
    ("FROM kibana:7.14.2\n", 1, 6),
    ("FROM mariadb:10.9\n", 1, 6),
    # Elastic maintains only the two latest minors: 8.17 ended when 8.19 came out.
    ("FROM kibana:8.17.0\n", 1, 6),
    ("FROM mariadb:11.6\n", 1, 6),
    # The OS a tag starts with.
    ("FROM node:alpine3.12\n", 1, 6),
]
NEAR_MISSES = [
    "FROM python:3.13-slim\n",
    "FROM node:22-bookworm-slim\n",
    "FROM postgres:17\n",
    "FROM ghcr.io/someone/python:3.8\n",
    "FROM python:latest\n",
    "FROM mycompany/node:16\n",
    "# dockwright ignore=DF004\nFROM python:3.8\n",
    # Variant-only tags move with the releases, like `latest`.
    "FROM nginx:alpine\n",
    "FROM python:slim\n",
    "FROM node:lts-alpine\n",
    # A line still going is not resolved: `redis:7` and `mysql:8` follow its newest release.
    "FROM redis:7\n",
    "FROM mysql:8\n",
    "FROM mariadb:10\n",
    "FROM mariadb:11.4\n",
    # 8 ended with 9.0, and its last minor, 8.19, is maintained until 2027-07-15.
    "FROM elasticsearch:8\n",
    "FROM elasticsearch:8.19.3\n",
]

test_triggers, test_near_misses = rule_table("DF004", TRIGGERS, NEAR_MISSES)


def test_the_date_of_the_check_is_an_input() -> None:
    assert findings_of("DF004", "FROM python:3.11\n", today="2027-10-30") == []
    assert findings_of("DF004", "FROM python:3.11\n", today="2027-11-01") == [(1, 6)]


def test_a_major_alone_resolves_to_the_last_release_of_an_ended_line_only() -> None:
    from dockwright.data.eol import release_of

    assert release_of("redis", "6").release == "6.2"  # type: ignore[union-attr]
    assert release_of("mariadb", "10").release == "10.11"  # type: ignore[union-attr]
    assert release_of("mariadb", "11").release == "11.8"  # type: ignore[union-attr]
    assert release_of("elasticsearch", "8").release == "8.19"  # type: ignore[union-attr]
    assert release_of("elasticsearch", "7").release == "7.17"  # type: ignore[union-attr]
    assert release_of("postgres", "9").release == "9.6"  # type: ignore[union-attr]
    assert release_of("redis", "7") is None
    assert release_of("alpine", "3") is None
