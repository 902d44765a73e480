from tests.engine.rule_table import rule_table

HEAD = "services:\n  app:\n    image: x:1\n"
TRIGGERS = [
    (HEAD + "    network_mode: host\n", 4, 19),
    (HEAD + "    pid: host\n", 4, 10),
    (HEAD + "    ipc: 'host'\n", 4, 10),
    (HEAD + "    userns_mode: host\n", 4, 18),
    (HEAD + "    uts: host\n", 4, 10),
    (HEAD + '    network_mode: "host"\n', 4, 19),
    (HEAD + "    network_mode: ${NET_MODE:-host}\n", 4, 19),
    (
        "services:\n  node-exporter:\n    image: prom/node-exporter:v1.8.2\n    pid: host\n    network_mode: host\n",
        5,
        19,
    ),
    ("x-hostnet: &hostnet\n  network_mode: host\nservices:\n  app:\n    <<: *hostnet\n    image: x:1\n", 2, 17),
]
NEAR_MISSES = [
    HEAD + "    network_mode: bridge\n",
    HEAD + "    pid: service:other\n  other:\n    image: x:1\n",
    HEAD + "    ipc: shareable\n",
    HEAD + "    network_mode: host  # dockwright ignore=DC028\n",
    HEAD + "    pid: host  # dockwright ignore=host-namespace\n",
    HEAD + "    network_mode: ${NET_MODE:-bridge}\n",
    HEAD + "    network_mode: service:vpn\n  vpn:\n    image: qmcgaw/gluetun:v3\n",
    HEAD + "    networks: [host]\nnetworks:\n  host:\n    external: true\n",
    HEAD + "    extra_hosts:\n      - host.docker.internal:host-gateway\n",
    HEAD + "    network_mode: none\n",
]

test_triggers, test_near_misses = rule_table("DC028", TRIGGERS, NEAR_MISSES, kind="compose")
