from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("FROM python:3.8-slim\n", 1, 6),
    ("FROM node:16-alpine\n", 1, 6),
    ("FROM python:3.12-slim-buster\n", 1, 6),
    ("ARG PG=12\nFROM postgres:${PG}\n", 2, 6),
    ("FROM ubuntu:focal\n", 1, 6),
    ("FROM alpine:3.16\n", 1, 6),
    ("FROM python:3.13\nFROM node:gallium AS web\n", 2, 6),
]
NEAR_MISSES = [
    "FROM python:3.13-slim\n",
    "FROM node:22-bookworm-slim\n",
    "FROM postgres:17\n",
    "FROM ghcr.io/someone/python:3.8\n",
    "FROM python:latest\n",
    "FROM mycompany/node:16\n",
    "# dockwright ignore=DF004\nFROM python:3.8\n",
]

test_triggers, test_near_misses = rule_table("DF004", TRIGGERS, NEAR_MISSES)


def test_the_date_of_the_check_is_an_input() -> None:
    assert findings_of("DF004", "FROM python:3.11\n", today="2027-10-30") == []
    assert findings_of("DF004", "FROM python:3.11\n", today="2027-11-01") == [(1, 6)]
