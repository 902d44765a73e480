from tests.engine.rule_table import rule_table

B = "services:\n  web:\n    build:\n      context: .\n      args:\n"
TRIGGERS = [
    (B + "        RAILS_MASTER_KEY: ${RAILS_MASTER_KEY}\n", 6, 9),
    (B + "        - NPM_TOKEN=${NPM_TOKEN}\n", 6, 11),
    (B + "        DB_PASSWORD: secret\n", 6, 9),
    (B + "        GITHUB_AUTH: x\n", 6, 9),
    (B + "        SENTRY_AUTH_TOKEN: ${SENTRY_AUTH_TOKEN:?}\n", 6, 9),
]
NEAR_MISSES = [
    B + "        NODE_VERSION: '20'\n",
    B + "        PUBLIC_KEY: abc\n",
    B + "        PASSWORD_FILE: /run/secrets/db\n",
    B + "        NEXT_PUBLIC_API_URL: https://api.example.com\n",
    "services:\n  web:\n    build: .\n    environment:\n      API_TOKEN: ${API_TOKEN}\n",
]

test_triggers, test_near_misses = rule_table("DC061", TRIGGERS, NEAR_MISSES, kind="compose")
