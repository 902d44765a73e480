from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python\n", 1, 6),
    ("FROM ubuntu AS base\n", 1, 6),
    ("ARG BASE=node\nFROM ${BASE}\n", 2, 6),
    ("FROM python:3.12 AS a\nFROM ghcr.io/owner/tool\n", 2, 6),
    ("from   debian\n", 1, 8),
    ("FROM localhost:5000/app\n", 1, 6),
]
NEAR_MISSES = [
    "FROM python:3.12\n",
    "FROM scratch\n",
    "FROM python@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n",
    "FROM python:3.12 AS builder\nFROM builder\n",
    "ARG BASE\nFROM ${BASE}\n",
    "FROM localhost:5000/app:1.0\n",
    "# hadolint ignore=DL3006\nFROM python\n",
]

test_triggers, test_near_misses = rule_table("DF002", TRIGGERS, NEAR_MISSES)
