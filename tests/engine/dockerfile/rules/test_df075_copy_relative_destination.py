from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM node:22-slim\nCOPY package.json app/\n", 2, 19),
    ("FROM node:22-slim\nCOPY . .\n", 2, 8),
    ("FROM node:22-slim\nCOPY --chown=node a.js \\\n   src/\n", 3, 4),
    ("FROM node:22-slim AS a\nWORKDIR /app\nFROM node:22-slim\nCOPY x y\n", 4, 8),
    ("FROM node:22-slim\nCOPY x ./y\nWORKDIR /app\n", 2, 8),
]
NEAR_MISSES = [
    "FROM node:22-slim\nWORKDIR /app\nCOPY package.json ./\n",
    "FROM node:22-slim\nCOPY package.json /app/\n",
    "FROM node:22-slim\nARG DEST=/x\nCOPY a $DEST\n",
    "FROM node:22-slim AS base\nWORKDIR /app\nFROM base\nCOPY . .\n",
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a.txt C:\\\\app\\\\\n",
    "FROM node:22-slim\n# hadolint ignore=DL3045\nCOPY . .\n",
    # Windows paths, with backslash or backtick as the escape character (hadolint's DL3045 spec).
    "FROM debian:12\nCOPY bla.sh c:\\system32\\blubb.sh\n",
    "FROM debian:12\nCOPY bla.sh d:\\mypath\\blubb.sh\n",
    "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY x c:\\system32\\\n",
]

test_triggers, test_near_misses = rule_table("DF075", TRIGGERS, NEAR_MISSES)
