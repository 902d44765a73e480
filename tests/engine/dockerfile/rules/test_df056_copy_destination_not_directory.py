from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM node:22-slim\nCOPY package.json package-lock.json /app\n", 2, 37),
    ("FROM node:22-slim\nADD a b c /srv\n", 2, 11),
    ("FROM node:22-slim\nCOPY --chown=node:node a.js \\\n     b.js \\\n     /app/src\n", 4, 6),
    ("FROM node:22-slim\nARG DEST=/app\nCOPY a b $DEST\n", 3, 10),
    ("FROM node:22-slim\nCOPY <<one <<two /etc/x\nA\none\nB\ntwo\n", 2, 18),
]
NEAR_MISSES = [
    "FROM node:22-slim\nCOPY package.json package-lock.json /app/\n",
    "FROM node:22-slim\nCOPY package.json /app\n",
    "FROM node:22-slim\nARG DEST=/app/\nCOPY a b $DEST\n",
    "FROM node:22-slim\nCOPY a b ./\n",
    'FROM node:22-slim\nCOPY ["a", "b", "/app/"]\n',
    "FROM node:22-slim\n# hadolint ignore=DL3021\nCOPY a b /app\n",
]

test_triggers, test_near_misses = rule_table("DF056", TRIGGERS, NEAR_MISSES)
