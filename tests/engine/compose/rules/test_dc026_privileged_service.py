from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  app:\n    image: x:1\n    privileged: true\n", 4, 17),
    ("x-base: &base\n  privileged: true\nservices:\n  app:\n    <<: *base\n    image: x:1\n", 2, 15),
    ("services:\n  app:\n    image: x:1\n    privileged: ${PRIV:-true}\n", 4, 17),
    ("services:\n  app:\n    image: x:1\n    privileged: True\n", 4, 17),
    ("services:\n  app:\n    image: x:1\n    privileged: 'true'\n", 4, 17),
    # Compose converts the strings of boolean settings with YAML 1.1's words, in any case.
    *[
        (f"services:\n  app:\n    image: x:1\n    privileged: {value}\n", 4, 17)
        for value in ("yes", "Yes", "on", "ON", "y", "TRUE", "'yes'", '"on"', "'True'", "${PRIV:-yes}")
    ],
    (
        "services:\n  dind:\n    image: docker:27-dind\n    privileged: true\n    environment:\n"
        "      DOCKER_TLS_CERTDIR: /certs\n",
        4,
        17,
    ),
]
NEAR_MISSES = [
    "services:\n  app:\n    image: x:1\n    privileged: false\n",
    "services:\n  app:\n    image: x:1\n    build:\n      context: .\n      privileged: true\n",
    "services:\n  app:\n    image: x:1\n    privileged: true  # dockwright ignore=DC026\n",
    "services:\n  app:\n    image: x:1\n    # dockwright ignore=privileged-service\n    privileged: true\n",
    "services:\n  app:\n    image: x:1\n    privileged: ${PRIV:-false}\n",
    "x-base: &base\n  privileged: true\nservices:\n  app:\n    <<: *base\n    image: x:1\n    privileged: false\n",
    "services:\n  app:\n    image: x:1\n    cap_add: [NET_ADMIN]\n    devices:\n      - /dev/net/tun:/dev/net/tun\n",
    "services:\n  app:\n    image: x:1\n    labels:\n      privileged: 'true'\n",
    *[
        f"services:\n  app:\n    image: x:1\n    privileged: {value}\n"
        for value in ("no", "off", "n", "FALSE", "'no'", '"Off"', "${PRIV:-no}", "${PRIV}", "maybe")
    ],
]

test_triggers, test_near_misses = rule_table("DC026", TRIGGERS, NEAR_MISSES, kind="compose")
