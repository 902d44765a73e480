from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [a]\n", 4, 18),
    ("services:\n  a:\n    image: x:1\n    depends_on: [a]\n", 4, 18),
    (
        "services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [c]\n"
        "  c:\n    image: x:1\n    depends_on:\n      a:\n        condition: service_started\n",
        4,
        18,
    ),
    (
        "services:\n  api:\n    image: example/api:1.0\n    depends_on:\n      worker:\n"
        "        condition: service_healthy\n  worker:\n    image: example/worker:1.0\n    depends_on:\n"
        "      api:\n        condition: service_started\n        required: false\n",
        5,
        7,
    ),
    (
        "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - api\n  api:\n    image: example/api:1.0\n"
        "    depends_on:\n      - web\n      - db\n  db:\n    image: postgres:17\n",
        5,
        9,
    ),
    ("x-deps: &deps\n  depends_on: [api]\nservices:\n  api:\n    <<: *deps\n    image: example/api:1.0\n", 2, 16),
    # Compose orders services by links, volumes_from and `service:` namespaces too, and refuses cycles there.
    ("services:\n  a:\n    image: x:1\n    links: ['b:db']\n  b:\n    image: x:1\n    depends_on: [a]\n", 4, 13),
    ("services:\n  a:\n    image: x:1\n    network_mode: service:b\n  b:\n    image: x:1\n    links: [a]\n", 4, 19),
    (
        "services:\n  a:\n    image: x:1\n    volumes_from: ['b:ro']\n  b:\n    image: x:1\n    volumes_from: [a]\n",
        4,
        20,
    ),
    ("services:\n  a:\n    image: x:1\n    ipc: service:b\n  b:\n    image: x:1\n    pid: service:a\n", 4, 10),
    ("services:\n  a:\n    image: x:1\n    network_mode: service:a\n", 4, 19),
]
NEAR_MISSES = [
    "services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [c]\n"
    "  c:\n    image: x:1\n",
    "services:\n  a:\n    image: x:1\n    depends_on: [b, c]\n  b:\n    image: x:1\n    depends_on: [c]\n  c:\n"
    "    image: x:1\n",
    "services:\n  api:\n    image: example/api:1.0\n    # dockwright ignore=dependency-cycle\n    depends_on: [db]\n"
    "  db:\n    image: postgres:17\n    depends_on: [api]\n",
    "services:\n  app:\n    image: x:1\n    depends_on: [vpn]\n    network_mode: service:vpn\n"
    "  vpn:\n    image: qmcgaw/gluetun:v3\n",
    "services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [missing]\n",
    "services:\n  api:\n    image: example/api:1.0\n    depends_on:\n      db:\n        condition: service_healthy\n"
    "        restart: true\n  db:\n    image: postgres:17\n",
    "services:\n  a:\n    image: x:1\n    volumes_from: ['container:b']\n  b:\n    image: x:1\n    depends_on: [a]\n",
    "services:\n  a:\n    image: x:1\n    network_mode: container:b\n  b:\n    image: x:1\n    links: [a]\n",
    "services:\n  a:\n    image: x:1\n    links: [b]\n    volumes_from: [b]\n    network_mode: service:b\n"
    "  b:\n    image: x:1\n",
    "services:\n  a:\n    image: x:1\n    labels:\n      network_mode: service:b\n  b:\n    image: x:1\n"
    "    depends_on: [a]\n",
]

test_triggers, test_near_misses = rule_table("DC008", TRIGGERS, NEAR_MISSES, kind="compose")


def test_a_cycle_is_reported_once() -> None:
    assert len(findings_of("DC008", TRIGGERS[0][0], "compose")) == 1
