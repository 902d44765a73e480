from tests.engine.rule_table import rule_table

HEAD = "services:\n  db:\n    image: postgres:17\n    volumes:\n"
TRIGGERS = [
    (HEAD + '      - "./data:/var/lib/postgresql/data"\n', 5, 9),
    (HEAD + "      - './data:/data:ro'\n", 5, 9),
    (HEAD + "      - ./a:/a\n      - '/b:/b'\n", 6, 9),
    (HEAD + "      - 'pgdata:/var/lib/postgresql/data'\nvolumes:\n  pgdata:\n", 5, 9),
    (HEAD + '      - "${DATA_DIR:-./data}:/var/lib/postgresql/data"\n', 5, 9),
    (
        "services:\n  db:\n    image: postgres:17\n"
        "    volumes: ['./init.sql:/docker-entrypoint-initdb.d/init.sql:ro']\n",
        4,
        15,
    ),
    ('services:\n  db:\n    image: postgres:17\n    volumes: ["./a:/a", ./b:/b]\n', 4, 15),
]
NEAR_MISSES = [
    HEAD + "      - ./data:/var/lib/postgresql/data\n",
    HEAD + "      - type: bind\n        source: './data'\n        target: /data\n",
    "services:\n  db:\n    image: postgres:17\nvolumes:\n  'data': {}\n",
    HEAD + '      - "./data:/data"  # dockwright ignore=DC013\n',
    HEAD + '      - "./data:/data"  # dockwright ignore=no-quotes-in-volumes\n',
    HEAD + "      - ${DATA_DIR:-./data}:/var/lib/postgresql/data\n",
    "services:\n  db:\n    image: postgres:17\n    volumes: [./init.sql:/docker-entrypoint-initdb.d/init.sql:ro]\n",
    HEAD + "      - type: volume\n        source: \"pgdata\"\n        target: '/var/lib/postgresql/data'\n"
    "volumes:\n  pgdata:\n",
    "services:\n  db:\n    image: postgres:17\n    tmpfs:\n      - '/tmp'\n",
    "services:\n  db:\n    image: postgres:17\n    volumes_from:\n      - 'data:ro'\n  data:\n"
    "    image: busybox:1.37\n",
]

test_triggers, test_near_misses = rule_table("DC013", TRIGGERS, NEAR_MISSES, kind="compose")
