from tests.engine.rule_table import rule_table

PY = "FROM python:3.12-slim\nRUN useradd --create-home app\n"
TRIGGERS = [
    (PY + "USER app\nRUN apt-get update && apt-get install -y libpq5\n", 4, 5),
    (PY + "USER app\nRUN mkdir -p /var/log/reports\n", 4, 5),
    ("FROM node:20-slim\nUSER node\nRUN npm install -g pm2@5.4.2\n", 3, 5),
    ("FROM alpine:3.20\nUSER 1000\nRUN apk add --no-cache curl\n", 3, 5),
    (PY + "USER app\nRUN echo ok && useradd other\n", 4, 16),
    (PY + "USER app\nWORKDIR /etc\nRUN touch app.conf\n", 5, 5),
    ("FROM python:3.12-slim AS base\nUSER nobody\nFROM base\nRUN cp app.conf /etc/app.conf\n", 4, 5),
]
NEAR_MISSES = [
    PY + "RUN apt-get update && apt-get install -y libpq5\nUSER app\n",
    PY + "USER app\nRUN pip install --user -r requirements.txt\n",
    PY + "USER app\nRUN mkdir -p /home/app/data /tmp/cache\n",
    PY + "RUN mkdir /var/log/app && chown app /var/log/app\nUSER app\nRUN touch /var/log/app/out.log\n",
    PY + "USER app\nUSER root\nRUN apt-get update\nUSER app\n",
    "FROM node:20-slim\nUSER node\nRUN npm ci --omit=dev\n",
    "FROM node:20-slim\nENV NPM_CONFIG_PREFIX=/home/node/.npm-global\nUSER node\nRUN npm install -g pm2\n",
    PY + "COPY --chown=app:app . /opt/app\nUSER app\nRUN mkdir -p /opt/app/cache\n",
    PY + "USER ${RUNTIME_USER}\nRUN apt-get update\n",
]

test_triggers, test_near_misses = rule_table("DF114", TRIGGERS, NEAR_MISSES)
