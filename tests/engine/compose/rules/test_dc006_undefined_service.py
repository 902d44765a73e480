from tests.engine.rule_table import rule_table

HEAD = "services:\n  db:\n    image: postgres:17\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    (HEAD + "    depends_on:\n      - dbb\n", 7, 9),
    (HEAD + "    depends_on:\n      cache:\n        condition: service_started\n", 7, 7),
    (HEAD + "    links:\n      - 'cache:redis'\n", 7, 9),
    (HEAD + "    network_mode: service:vpn\n", 6, 19),
    (HEAD + "    volumes_from:\n      - data:ro\n", 7, 9),
    (HEAD + "    extends: base\n", 6, 14),
    (HEAD + "    extends:\n      service: base\n", 7, 16),
    (HEAD + "    ipc: service:shm\n", 6, 10),
]
NEAR_MISSES = [
    HEAD + "    depends_on: [db]\n",
    HEAD + "    links: ['db:database']\n",
    HEAD + "    network_mode: service:db\n",
    HEAD + "    volumes_from: ['container:legacy', 'db:ro']\n",
    HEAD + "    extends:\n      file: common.yml\n      service: base\n",
    HEAD + "    network_mode: host\n",
    HEAD + "    depends_on:\n      - dbb  # dockwright ignore=DC006\n",
]

test_triggers, test_near_misses = rule_table("DC006", TRIGGERS, NEAR_MISSES, kind="compose")
