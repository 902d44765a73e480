from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci --omit=dev\nRUN npm run build\n", 5, 5),
    ("FROM node:22\nRUN npm ci --only=production && npm run build:prod\n", 2, 33),
    ("FROM node:22\nENV NODE_ENV=production\nRUN npm ci\nRUN npx vite build\n", 4, 5),
    ("FROM node:22\nRUN yarn install --production\nRUN yarn build\n", 3, 5),
    ("FROM node:22\nRUN NODE_ENV=production npm install\nRUN pnpm run build\n", 3, 5),
    ("FROM node:22\nRUN pnpm install --prod\nRUN pnpm exec tsc -p .\n", 3, 5),
    ("FROM node:22\nRUN npm ci --omit dev\nRUN npm run-script build\n", 3, 5),
    ("FROM node:22\nRUN yarn --production\nRUN yarn run build\n", 3, 5),
    # `dev` is the value of `--omit`, not a package to add
    ("FROM node:22\nRUN npm install --omit dev\nRUN npm run build\n", 3, 5),
    ("FROM node:22\nRUN npm --loglevel warn ci --omit=dev\nRUN npm --prefix app run build\n", 3, 5),
]
NEAR_MISSES = [
    "FROM node:22\nRUN npm ci\nRUN npm run build\n",
    "FROM node:22\nRUN npm ci && npm run build && npm prune --omit=dev\n",
    "FROM node:22 AS build\nRUN npm ci\nRUN npm run build\n"
    "FROM node:22\nRUN npm ci --omit=dev\nCOPY --from=build /app/dist dist\n",
    "FROM node:22\nENV NODE_ENV=production\nRUN npm ci --include=dev\nRUN npm run build\n",
    "FROM node:22\nRUN npm ci --omit=dev\nRUN npm ci\nRUN npm run build\n",
    "FROM node:22\nRUN npm ci --omit=dev\nRUN npm run start\n",
    "FROM node:22\nRUN npm ci\nRUN npm install --omit=dev left-pad\nRUN npm run build\n",
    # NODE_ENV is set after the install ran.
    "FROM node:22\nRUN npm ci\nENV NODE_ENV=production\nRUN npm run build\n",
    "FROM node:22\nRUN npm ci --omit=dev\n# dockwright ignore=DF014\nRUN npm run build\n",
]

test_triggers, test_near_misses = rule_table("DF014", TRIGGERS, NEAR_MISSES)
