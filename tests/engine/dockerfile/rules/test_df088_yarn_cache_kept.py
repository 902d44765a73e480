from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM node:22-slim\nRUN yarn install --frozen-lockfile\n", 2, 5),
    ("FROM node:22-slim\nRUN yarn install && yarn build\n", 2, 5),
    ("FROM node:22-slim\nRUN set -e; \\\n    yarn install --production\n", 3, 5),
    ("FROM node:22-slim\nRUN <<EOF\nyarn install\nEOF\n", 3, 1),
    ("FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm yarn install\n", 2, 42),
    # a stage the final one builds on ships its layers
    ("FROM node:22-slim AS base\nRUN yarn install --frozen-lockfile\nFROM base\nUSER 10001\n", 2, 5),
    # an ONBUILD trigger runs in the image built from this one
    ("FROM node:22-slim\nONBUILD RUN yarn install --frozen-lockfile\n", 2, 13),
    ("FROM node:22-slim\nRUN yarn --frozen-lockfile\n", 2, 5),
    ("FROM node:22-slim\nRUN yarn add left-pad@1.3.0\n", 2, 5),
    ("FROM node:22-slim\nRUN yarn cache clean && yarn install\n", 2, 25),
]
NEAR_MISSES = [
    "FROM node:22-slim\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
    "FROM node:22-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n",
    "FROM node:22-slim\nRUN yarn install && rm -rf /usr/local/share/.cache/yarn\n",
    "FROM node:22-slim\nRUN yarn build\n",
    "FROM node:22-slim\nRUN npm ci\n",
    "FROM node:22-slim\n# hadolint ignore=DL3060\nRUN yarn install\n",
    # a builder stage's cache never ships
    "FROM node:22-slim AS build\nRUN yarn install --frozen-lockfile\n"
    "FROM node:22-slim\nCOPY --from=build /etc/hostname /h\n",
    "FROM node:22-slim\nRUN --mount=type=tmpfs,target=/usr/local/share/.cache/yarn yarn install\n",
    "FROM node:22-slim\nRUN yarn --cwd app install && yarn cache clean\n",
    "FROM node:22-slim\nRUN yarn install && rm -rf /usr/local/share/.cache\n",
]

test_triggers, test_near_misses = rule_table("DF088", TRIGGERS, NEAR_MISSES)
