from dockwright.fixes import apply_fixes
from dockwright.lint import lint
from tests.engine.rule_table import rule_table

WEB = "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_healthy\n"
TRIGGERS = [
    (WEB + "  db:\n    image: mysql:8.4\n", 6, 20),
    (WEB + "  db:\n    image: postgres:16-alpine\n    restart: always\n", 6, 20),
    (WEB + "  db:\n    image: memcached:1.6-alpine\n", 6, 20),
    (WEB + "  db:\n    image: redis:7.4\n    healthcheck:\n      disable: true\n", 6, 20),
    (WEB + "  db:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.0\n", 6, 20),
]
NEAR_MISSES = [
    WEB + "  db:\n    image: mysql:8.4\n    healthcheck:\n      test: [CMD, mysqladmin, ping]\n",
    WEB + "  db:\n    image: acme/custom-db:1.0\n",
    WEB + "  db:\n    build: ./db\n",
    "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: service_started\n"
    "  db:\n    image: mysql:8.4\n",
    "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      job:\n"
    "        condition: service_completed_successfully\n  job:\n    image: mysql:8.4\n",
    "services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      - db\n  db:\n    image: mysql:8.4\n",
]

test_triggers, test_near_misses = rule_table("DC054", TRIGGERS, NEAR_MISSES, kind="compose")


def test_a_dockerfile_healthcheck_counts() -> None:
    compose = WEB + "  db:\n    build: .\n"
    files = {"Dockerfile": "FROM postgres:16\nHEALTHCHECK CMD pg_isready -U postgres\n"}
    result = lint(compose, kind="compose", filename="compose.yaml", files=files, config={"shellcheck": False})
    assert [f for f in result.findings if f.rule == "DC054"] == []


def test_the_fix_adds_the_image_s_health_command() -> None:
    compose = WEB + "  db:\n    image: mysql:8.4\n"
    result = lint(compose, kind="compose", config={"shellcheck": False, "enable": ["DC054"], "ignore": ["DC033"]})
    finding = next(f for f in result.findings if f.rule == "DC054")
    assert finding.fix is not None and finding.fix.edits
    fixed, applied = apply_fixes(compose, [finding], safe_only=False)
    assert applied == 1
    assert fixed.endswith(
        '  db:\n    image: mysql:8.4\n    healthcheck:\n      test: ["CMD", "mysqladmin", "ping", "-h", "localhost"]\n'
    )
