from tests.engine.rule_table import rule_table

HEAD = "services:\n  ui:\n    image: x:1\n    volumes:\n"
TRIGGERS = [
    (HEAD + "      - /var/run/docker.sock:/var/run/docker.sock\n", 5, 9),
    (HEAD + "      - /var/run/docker.sock:/var/run/docker.sock:ro\n", 5, 9),
    (HEAD + "      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n", 5, 9),
    (HEAD + "      - ${XDG_RUNTIME_DIR:-/run/user/1000}/podman/podman.sock:/var/run/docker.sock\n", 5, 9),
]
NEAR_MISSES = [
    HEAD + "      - ./docker.sock.md:/doc.md\n",
    HEAD + "      - sockets:/var/run/docker.sock\n",
    HEAD + "      - /var/run/docker.sock:/var/run/docker.sock  # dockwright ignore=DC027\n",
]

test_triggers, test_near_misses = rule_table("DC027", TRIGGERS, NEAR_MISSES, kind="compose")
