from tests.engine.rule_table import rule_table

HEAD = "services:\n  ui:\n    image: x:1\n    volumes:\n"
TRIGGERS = [
    (HEAD + "      - /var/run/docker.sock:/var/run/docker.sock\n", 5, 9),
    (HEAD + "      - /var/run/docker.sock:/var/run/docker.sock:ro\n", 5, 9),
    (HEAD + "      - type: bind\n        source: /run/docker.sock\n        target: /var/run/docker.sock\n", 5, 9),
    (HEAD + "      - ${XDG_RUNTIME_DIR:-/run/user/1000}/podman/podman.sock:/var/run/docker.sock\n", 5, 9),
    (
        "services:\n  traefik:\n    image: traefik:v3.2\n"
        "    volumes: ['/var/run/docker.sock:/var/run/docker.sock:ro']\n",
        4,
        15,
    ),
    (
        HEAD + "      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n"
        "        read_only: true\n",
        5,
        9,
    ),
    (HEAD + "      - /run/containerd/containerd.sock:/run/containerd/containerd.sock\n", 5, 9),
    (HEAD + '      - "${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock"\n', 5, 9),
    (HEAD + "      - /var/run/docker.sock/:/var/run/docker.sock\n", 5, 9),
    (
        "x-sock: &sock\n  volumes:\n    - /var/run/docker.sock:/var/run/docker.sock\nservices:\n  ui:\n    <<: *sock\n"
        "    image: x:1\n",
        3,
        7,
    ),
]
NEAR_MISSES = [
    HEAD + "      - ./docker.sock.md:/doc.md\n",
    HEAD + "      - sockets:/var/run/docker.sock\n",
    HEAD + "      - /var/run/docker.sock:/var/run/docker.sock  # dockwright ignore=DC027\n",
    "services:\n  ui:\n    image: x:1\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n  socket-proxy:\n"
    "    image: tecnativa/docker-socket-proxy:0.3\n    volumes:\n"
    "      - /var/run/docker.sock:/var/run/docker.sock:ro  # dockwright ignore=docker-socket-mounted\n",
    HEAD + "      - type: volume\n        source: docker-sock\n        target: /var/run/docker.sock\nvolumes:\n"
    "  docker-sock:\n",
    HEAD + "      - /var/run/docker.sock.bak:/backup/docker.sock.bak\n",
    HEAD + "      - /srv/app/app.sock:/run/app.sock\n",
    "services:\n  ui:\n    image: x:1\n    environment:\n      DOCKER_HOST: unix:///var/run/docker.sock\n",
]

test_triggers, test_near_misses = rule_table("DC027", TRIGGERS, NEAR_MISSES, kind="compose")
