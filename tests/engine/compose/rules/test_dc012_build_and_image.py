from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  app:\n    build: .\n    image: example/app:1.0\n", 3, 5),
    ("services:\n  app:\n    image: example/app:1.0\n    build:\n      context: ./app\n", 4, 5),
    (
        "services:\n  api:\n    image: registry.example.com/shop/api:${TAG:-1.2}\n    build:\n      context: ./api\n"
        "      dockerfile: Dockerfile.prod\n",
        4,
        5,
    ),
    ("x-build: &build\n  build: .\nservices:\n  app:\n    <<: *build\n    image: example/app:1.0\n", 2, 3),
    (
        "services:\n  app:\n    image: example/app:1.0\n    build: {context: ., target: prod}\n    restart: always\n",
        4,
        5,
    ),
    (
        "services:\n  app:\n    build: .\n    image: example/app:1.0\n  worker:\n    image: example/app:1.0\n"
        "    pull_policy: never\n",
        3,
        5,
    ),
]
NEAR_MISSES = [
    "services:\n  app:\n    build: .\n",
    "services:\n  app:\n    image: example/app:1.0\n",
    "services:\n  app:\n    build: .\n    image: example/app:1.0\n    pull_policy: build\n",
    "services:\n  app:\n    build: .  # dockwright ignore=DC012\n    image: example/app:1.0\n",
    "services:\n  app:\n    build: .\n    image: example/app:1.0\n    pull_policy: never\n",
    "services:\n  app:\n    build: .\n    image: example/app:1.0\n    pull_policy: ${PULL_POLICY:-build}\n",
    "x-build: &build\n  build: .\n  pull_policy: build\nservices:\n  app:\n    <<: *build\n"
    "    image: example/app:1.0\n",
    "services:\n  app:\n    build:\n      context: .\n      tags:\n        - example/app:1.0\n",
    "services:\n  app:\n    build:\n      context: .\n      args:\n        image: python:3.13\n",
    "services:\n  app:\n    # dockwright ignore=no-build-and-image\n    build: .\n    image: example/app:1.0\n",
]

test_triggers, test_near_misses = rule_table("DC012", TRIGGERS, NEAR_MISSES, kind="compose")

# `pull_policy_settles: false` (dclint's checkPullPolicy: false): a pull_policy no longer settles it.
STRICT = {"DC012": {"pull_policy_settles": False}}
test_strict_triggers, test_strict_near_misses = rule_table(
    "DC012",
    [("services:\n  app:\n    build: .\n    image: example/app:1.0\n    pull_policy: build\n", 3, 5)],
    ["services:\n  app:\n    build: .\n", "services:\n  app:\n    image: example/app:1.0\n    pull_policy: always\n"],
    kind="compose",
    rule_options=STRICT,
)
