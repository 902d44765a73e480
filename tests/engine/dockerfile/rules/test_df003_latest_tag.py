from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:latest\n", 1, 6),
    ("FROM   node:latest AS build\n", 1, 8),
    ("ARG TAG=latest\nFROM python:${TAG}\n", 2, 6),
    ("ARG IMAGE=redis:latest\nFROM $IMAGE\n", 2, 6),
    ("FROM python:3.12\nFROM docker.io/library/nginx:latest\n", 2, 6),
    ("# comment\nfrom alpine:latest as x\n", 2, 6),
    ("FROM mcr.microsoft.com/mssql/server:2022-latest\n", 1, 6),
]
NEAR_MISSES = [
    "FROM python:3.12-slim\n",
    "FROM example/latest-tools:1.2\n",
    "FROM mcr.microsoft.com/mssql/server:2022-CU15-ubuntu-22.04\n",
    "FROM python:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "FROM python\n",
    "ARG TAG=3.12\nFROM python:${TAG}\n",
    "FROM python:3.12 AS latest\nFROM latest\n",
    "# dockwright ignore=DF003\nFROM python:latest\n",
    "# hadolint ignore=DL3007\nFROM python:latest\n",
    "# dockwright global ignore=latest-tag\nFROM python:3\nFROM python:latest\n",
]

test_triggers, test_near_misses = rule_table("DF003", TRIGGERS, NEAR_MISSES)
