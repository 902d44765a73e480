from tests.engine.rule_table import rule_table

HEAD = "services:\n  agent:\n    image: x:1\n    volumes:\n"
TRIGGERS = [
    (HEAD + "      - /:/host:ro\n", 5, 9),
    (HEAD + "      - /etc:/host/etc\n", 5, 9),
    (HEAD + "      - /proc/:/host/proc:ro\n", 5, 9),
    (HEAD + "      - type: bind\n        source: /var/lib/docker\n        target: /docker\n", 5, 9),
]
NEAR_MISSES = [
    HEAD + "      - /etc/localtime:/etc/localtime:ro\n",
    HEAD + "      - ./etc:/etc/app\n",
    HEAD + "      - etc:/etc\nvolumes:\n  etc:\n",
    HEAD + "      - /srv/data:/data\n",
    HEAD + "      - /etc:/host/etc  # dockwright ignore=DC036\n",
]

test_triggers, test_near_misses = rule_table("DC036", TRIGGERS, NEAR_MISSES, kind="compose")
