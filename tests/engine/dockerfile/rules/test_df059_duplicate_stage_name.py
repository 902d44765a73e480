from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM node:22 AS build\nFROM golang:1.23 AS build\n", 2, 21),
    ("FROM node:22 AS build\nFROM golang:1.23 AS BUILD\n", 2, 21),
    ("FROM a:1 AS x\nFROM b:1 AS y\nFROM c:1 AS x\n", 3, 13),
    ("FROM a:1 as base\nRUN echo\nfrom b:1 as base\n", 3, 13),
    ("FROM a:1 AS one\nFROM b:1 AS one\nFROM c:1 AS one\n", 3, 13),
]
NEAR_MISSES = [
    "FROM node:22 AS web\nFROM golang:1.23 AS api\n",
    "FROM node:22 AS build\nFROM build\n",
    "FROM node:22\nFROM node:22\n",
    "FROM node:22 AS build\nFROM golang:1.23 AS builder\n",
    "FROM node:22 AS build\n# hadolint ignore=DL3024\nFROM golang:1.23 AS build\n",
    "# check=skip=DuplicateStageName\nFROM node:22 AS build\nFROM golang:1.23 AS build\n",
]

test_triggers, test_near_misses = rule_table("DF059", TRIGGERS, NEAR_MISSES)
