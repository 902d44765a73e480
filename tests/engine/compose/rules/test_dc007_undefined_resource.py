from tests.engine.rule_table import rule_table

HEAD = "services:\n  db:\n    image: postgres:17\n"
TRIGGERS = [
    (HEAD + "    volumes:\n      - pgdata:/var/lib/postgresql/data\n", 5, 9),
    (HEAD + "    volumes:\n      - type: volume\n        source: pgdata\n        target: /data\n", 6, 17),
    (HEAD + "    networks:\n      - backend\n", 5, 9),
    (HEAD + "    networks:\n      backend:\n        aliases: [database]\nnetworks:\n  frontend:\n", 5, 7),
    (HEAD + "    secrets:\n      - db_password\n", 5, 9),
    (HEAD + "    configs:\n      - source: pg_conf\n        target: /etc/pg.conf\n", 5, 17),
]
NEAR_MISSES = [
    HEAD + "    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n",
    HEAD + "    volumes:\n      - ./data:/var/lib/postgresql/data\n      - /srv/pg:/backup\n      - ~/x:/y\n",
    HEAD + "    volumes:\n      - /var/lib/postgresql/data\n",
    HEAD + "    networks: [default]\n",
    HEAD + "    secrets: [pw]\nsecrets:\n  pw:\n    file: ./pw.txt\n",
    HEAD + "    volumes:\n      - type: bind\n        source: ./x\n        target: /x\n",
]

test_triggers, test_near_misses = rule_table("DC007", TRIGGERS, NEAR_MISSES, kind="compose")
