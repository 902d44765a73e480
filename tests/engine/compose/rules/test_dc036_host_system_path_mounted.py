import pytest

from dockwright.lint import lint
from tests.engine.rule_table import TODAY, rule_table

HEAD = "services:\n  agent:\n    image: x:1\n    volumes:\n"
TRIGGERS = [
    (HEAD + "      - /:/host:ro\n", 5, 9),
    (HEAD + "      - /etc:/host/etc\n", 5, 9),
    (HEAD + "      - /proc/:/host/proc:ro\n", 5, 9),
    (HEAD + "      - type: bind\n        source: /var/lib/docker\n        target: /docker\n", 5, 9),
    (
        "services:\n  cadvisor:\n    image: gcr.io/cadvisor/cadvisor:v0.49.1\n"
        "    volumes: ['/:/rootfs:ro', '/sys:/sys:ro']\n",
        4,
        31,
    ),
    (HEAD + "      - /root/.ssh:/root/.ssh:ro\n", 5, 9),
    (HEAD + "      - ${HOST_ROOT:-/}:/host:ro\n", 5, 9),
    (HEAD + "      - /etc/ssh/:/etc/ssh\n", 5, 9),
    (HEAD + "      - type: bind\n        source: /proc\n        target: /host/proc\n        read_only: true\n", 5, 9),
    ("x-host: &host\n  volumes:\n    - /etc:/host/etc:ro\nservices:\n  agent:\n    <<: *host\n    image: x:1\n", 3, 7),
]
NEAR_MISSES = [
    HEAD + "      - /etc/localtime:/etc/localtime:ro\n",
    HEAD + "      - ./etc:/etc/app\n",
    HEAD + "      - etc:/etc\nvolumes:\n  etc:\n",
    HEAD + "      - /srv/data:/data\n",
    HEAD + "      - /etc:/host/etc  # dockwright ignore=DC036\n",
    HEAD + "      - /etc:/host/etc:ro  # dockwright ignore=host-system-path-mounted\n",
    HEAD + "      - /etc/nginx/conf.d:/etc/nginx/conf.d:ro\n",
    HEAD + "      - /etc/ssl/certs:/etc/ssl/certs:ro\n",
    HEAD + "      - ./root:/root\n",
    HEAD + "      - type: volume\n        source: etc\n        target: /etc\nvolumes:\n  etc:\n",
    "services:\n  agent:\n    image: x:1\n    devices:\n      - /dev/ttyUSB0:/dev/ttyUSB0\n",
]

test_triggers, test_near_misses = rule_table("DC036", TRIGGERS, NEAR_MISSES, kind="compose")


@pytest.mark.parametrize(("read_only", "access"), [("true", "read-only"), ("'yes'", "read-only"), ("off", "writable")])
def test_the_long_syntax_read_only_is_read_as_compose_reads_booleans(read_only: str, access: str) -> None:
    snippet = (
        HEAD + f"      - type: bind\n        source: /etc\n        target: /host/etc\n        read_only: {read_only}\n"
    )
    result = lint(snippet, kind="compose", config={"today": TODAY})
    assert [f.message for f in result.findings if f.rule == "DC036"] == [
        f"service 'agent' mounts the host's /etc ({access})"
    ]
