from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM node:22-slim\nUSER node\n", 2, 6),
    ("FROM node:22-slim\nUSER app:app\n", 2, 6),
    ("FROM node:22-slim\nARG U=www-data\nUSER $U\n", 3, 6),
    ("FROM node:22-slim\nUSER 1000\nUSER nobody\n", 3, 6),
    ("FROM node:22-slim\nONBUILD USER app\n", 2, 14),
]
NEAR_MISSES = [
    "FROM node:22-slim\nUSER 1000\n",
    "FROM node:22-slim\nUSER 1000:1000\n",
    "FROM node:22-slim\nUSER $UNSET_UID\n",
    "FROM node:22-slim\nARG UID=10001\nUSER ${UID}:0\n",
    "FROM node:22-slim\n# hadolint ignore=DL3066\nUSER node\n",
    # Windows has no numeric user ids.
    "FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\n",
    "FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nUSER ContainerAdministrator\n",
    "FROM python:3.12-windowsservercore\nUSER ContainerUser\n",
    'FROM example.com/base:1\nSHELL ["powershell", "-Command"]\nUSER ContainerUser\n',
    "# hadolint shell=cmd\nFROM example.com/base:1\nUSER ContainerUser\n",
]

test_triggers, test_near_misses = rule_table("DF092", TRIGGERS, NEAR_MISSES)
