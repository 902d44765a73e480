from tests.engine.rule_table import rule_table

HEAD = "services:\n  app:\n    image: example/app:1.0\n"
TRIGGERS = [
    (HEAD + "    environment:\n      POSTGRES_PASSWORD: hunter2\n", 5, 26),
    (HEAD + "    environment:\n      - API_TOKEN=abc123\n", 5, 19),
    (HEAD + "    environment:\n      DATABASE_URL: postgres://app:s3cret@db:5432/app\n", 5, 21),
    (HEAD + "    environment:\n      SECRET_KEY: 'x8#kq'\n", 5, 19),
    (HEAD + "    build:\n      context: .\n      args:\n        NPM_TOKEN: abc\n", 7, 20),
    (HEAD + "    environment:\n      BROKER: amqp://guest:guest@rabbit/${VHOST}\n", 5, 15),
]
NEAR_MISSES = [
    HEAD + "    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n",
    HEAD + "    environment:\n      - API_TOKEN=$TOKEN\n",
    HEAD + "    environment:\n      DATABASE_URL: postgres://app:${DB_PASSWORD}@db/app\n",
    HEAD + "    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/pg\n",
    HEAD + "    environment:\n      POSTGRES_PASSWORD:\n      API_KEY: ''\n",
    HEAD + "    environment:\n      DATABASE_URL: postgres://db:5432/app\n      KEYBOARD: us\n",
    HEAD + "    environment:\n      PUBLIC_KEY_PATH: /keys/pub.pem\n",
    HEAD + "    environment:\n      # dockwright ignore=DC024\n      POSTGRES_PASSWORD: hunter2\n",
]

test_triggers, test_near_misses = rule_table("DC024", TRIGGERS, NEAR_MISSES, kind="compose")
