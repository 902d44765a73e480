from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM node:22-slim\nRUN npm install -g typescript\n", 2, 20),
    ("FROM node:22-slim\nRUN npm i -g pnpm@latest\n", 2, 14),
    ("FROM node:22-slim\nRUN npm install --save-dev @types/node\n", 2, 28),
    ("FROM node:22-slim\nRUN npm install express@4.19.2 \\\n    lodash\n", 3, 5),
    ("FROM node:22-slim\nRUN npm add --prefix /opt serve\n", 2, 27),
    ("FROM node:22-slim\nRUN npm --loglevel verbose install -g typescript\n", 2, 39),
    ("FROM node:22-slim\nRUN npm isntall -g serve\n", 2, 20),
    ("FROM node:22-slim\nONBUILD RUN npm install -g serve\n", 2, 28),
]
NEAR_MISSES = [
    "FROM node:22-slim\nRUN npm install\n",
    "FROM node:22-slim\nRUN npm ci --omit=dev\n",
    "FROM node:22-slim\nRUN npm install -g typescript@5.4.5 @scope/pkg@1.0.0\n",
    "FROM node:22-slim\nRUN npm install ./local-pkg /tmp/pkg.tgz\n",
    "FROM node:22-slim\nRUN npm install git+https://github.com/acme/lib.git#v1.2.0\n",
    "FROM node:22-slim\nRUN npm run install\n",
    "FROM node:22-slim\n# hadolint ignore=DL3016\nRUN npm install -g typescript\n",
    "FROM node:22-slim\nRUN npm --loglevel verbose install -g typescript@5.4.5\n",
    "FROM node:22-slim\nRUN npm install --omit dev\n",
]

test_triggers, test_near_misses = rule_table("DF053", TRIGGERS, NEAR_MISSES)
