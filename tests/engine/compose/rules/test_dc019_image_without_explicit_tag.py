from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: nginx:latest\n", 3, 12),
    ("services:\n  db:\n    image: mcr.microsoft.com/mssql/server:2022-latest\n", 3, 12),
    ("services:\n  web:\n    image: nginx\n", 3, 12),
    ("services:\n  web:\n    image: localhost:5000/team/app\n", 3, 12),
    ("services:\n  web:\n    image: node:lts\n", 3, 12),
    ("services:\n  web:\n    image: ${IMAGE:-nginx:latest}\n", 3, 12),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n",
    "services:\n  db:\n    image: mcr.microsoft.com/mssql/server:2022-CU15-ubuntu-22.04\n",
    "services:\n  web:\n    image: example/latest-tools:1.2\n",
    "services:\n  web:\n    image: localhost:5000/team/app:2.1\n",
    "services:\n  web:\n    image: nginx@sha256:" + "a" * 64 + "\n",
    "services:\n  web:\n    image: ${IMAGE}\n",
    "services:\n  web:\n    build: .\n",
    "services:\n  web:\n    image: nginx:latest  # dockwright ignore=image-without-explicit-tag\n",
]

test_triggers, test_near_misses = rule_table("DC019", TRIGGERS, NEAR_MISSES, kind="compose")

# `moving_tags` (dclint's prohibitedTags) replaces the list; no tag at all still means latest.
CUSTOM = {"DC019": {"moving_tags": ["unstable", "preview"]}}
test_custom_triggers, test_custom_near_misses = rule_table(
    "DC019",
    [
        ("services:\n  web:\n    image: example/app:preview\n", 3, 12),
        ("services:\n  web:\n    image: nginx\n", 3, 12),
    ],
    ["services:\n  web:\n    image: nginx:latest\n", "services:\n  web:\n    image: example/app:previews\n"],
    kind="compose",
    rule_options=CUSTOM,
)
