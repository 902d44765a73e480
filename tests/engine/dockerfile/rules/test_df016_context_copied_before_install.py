from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n", 3, 1),
    ("FROM node:22\nWORKDIR /app\nCOPY ./ /app\nRUN npm ci\nRUN npm run build\n", 3, 1),
    ("FROM golang:1.23\nADD . /src\nRUN go mod download\n", 2, 1),
    ("FROM ruby:3.3\nCOPY . .\nRUN bundle install\n", 2, 1),
    ("FROM python:3.12\nCOPY . .\nRUN pip install .\n", 2, 1),
    ("FROM node:22\nCOPY * ./\nRUN yarn\n", 2, 1),
    ("FROM maven:3-eclipse-temurin-21\nCOPY . .\nRUN mvn -B dependency:go-offline\n", 2, 1),
    ("FROM python:3.12\nCOPY . .\nRUN poetry install --no-root\n", 2, 1),
]
NEAR_MISSES = [
    "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n",
    "FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n",
    "FROM python:3.12\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\n"
    "COPY . .\nRUN poetry install\n",
    "FROM python:3.12\nCOPY requirements/ requirements/\nRUN pip install -r requirements/base.txt\nCOPY . .\n",
    "FROM python:3.12\nCOPY . .\nRUN python setup.py build\n",
    "FROM node:22\nCOPY package*.json ./\nCOPY . .\nRUN npm ci\n",
    "FROM python:3.12\nCOPY . .\nRUN pip install flask\n",
    "FROM node:22\nCOPY --from=deps /app/node_modules ./node_modules\nCOPY . .\nRUN npm run build\n",
    "FROM node:22 AS src\nCOPY . .\nFROM node:22\nRUN npm ci\n",
    "FROM python:3.12\n# dockwright ignore=DF016\nCOPY . .\nRUN pip install -r requirements.txt\n",
]

test_triggers, test_near_misses = rule_table("DF016", TRIGGERS, NEAR_MISSES)
