from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("services:\n  web:\n    ports: ['80:80']\n    image: nginx:1.27\n", 4, 5),
    ("services:\n  web:\n    image: nginx:1.27\n    user: app\n    restart: always\n", 5, 5),
    ("services:\n  web:\n    image: nginx:1.27\n    zzz_custom: 1\n    environment: {}\n", 5, 5),
    ("services:\n  web:\n    build: .\n    image: example/web:1.0\n", 4, 5),
    (
        "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_DB: app\n    volumes:\n"
        "      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n",
        6,
        5,
    ),
    (
        "services:\n  web:\n    image: nginx:1.27\n    healthcheck:\n      test: [CMD, curl, -f, http://localhost/]\n"
        "    depends_on: [api]\n  api:\n    image: x:1\n",
        6,
        5,
    ),
    (
        "services:\n  web:\n    image: nginx:1.27\n    security_opt: [no-new-privileges:true]\n    cap_drop: [ALL]\n",
        5,
        5,
    ),
    ("services:\n  web:\n    image: nginx:1.27\n    restart: always\n    ports: ['80:80']\n    labels: {a: b}\n", 5, 5),
    # Keys merged in from an anchor in the wrong order: reported on the `<<` line the user can edit.
    ("x-base: &base\n  user: app\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n", 6, 5),
    (
        "x-a: &a\n  restart: always\nx-b: &b\n  labels: {}\n  ports: []\nservices:\n  web:\n"
        "    image: nginx:1.27\n    <<: [*a, *b]\n",
        9,
        5,
    ),
]
# Nothing is reported inside the anchor, where the service's `<<` key is not.
ANCHOR_LINES = (
    "x-base: &base\n  user: app\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n"
)
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    volumes: []\n    environment: {}\n"
    "    ports: []\n    command: run\n    restart: always\n    labels: {}\n    user: app\n  db:\n    image: x:1\n",
    "services:\n  web:\n    image: nginx:1.27\n    cpus: 1\n    mem_limit: 1g\n",
    "services:\n  web:\n    ports: ['80:80']\n    # dockwright ignore=DC020\n    image: nginx:1.27\n",
    "services:\n  web:\n    image: nginx:1.27\n    user: app\n    # dockwright ignore=service-keys-order\n"
    "    restart: always\n",
    "x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n",
    "x-base: &base\n  image: nginx:1.27\n  restart: always\nservices:\n  web:\n    <<: *base\n    ports: []\n",
    "services:\n  web:\n    image: nginx:1.27\n    environment:\n      user: app\n      image: other\n",
    "services:\n  web:\n    image: nginx:1.27\n    ports: ['80:80']\n    x-traefik: {enabled: true}\n",
    "services:\n  web:\n    image: nginx:1.27\n    build: .\n    container_name: web\n    depends_on: [db]\n"
    "    volumes: []\n    volumes_from: [db]\n    configs: []\n    secrets: []\n    environment: {}\n"
    "    env_file: .env\n"
    "    ports: []\n    networks: [default]\n    extra_hosts: []\n    command: run\n    entrypoint: /init\n"
    "    working_dir: /app\n    restart: always\n    healthcheck: {test: [CMD, 'true']}\n    logging: {driver: local}\n"
    "    labels: {}\n    user: app\n    isolation: default\n    cap_drop: [ALL]\n    security_opt: []\n"
    "  db:\n    image: x:1\n",
]

test_triggers, test_near_misses = rule_table("DC020", TRIGGERS, NEAR_MISSES, kind="compose")


def test_merged_keys_are_reported_once_on_the_merge_key_line() -> None:
    assert findings_of("DC020", ANCHOR_LINES, "compose") == [(6, 5)]


def test_merged_keys_in_order_are_not_compared_with_the_services_own_keys() -> None:
    text = "x-base: &base\n  restart: always\n  labels: {}\nservices:\n  web:\n    image: nginx:1.27\n    <<: *base\n"
    assert findings_of("DC020", text, "compose") == []


# `order` (dclint's groups and groupOrder flattened): the listed keys in that order, the others after them.
NETWORK_FIRST = {"DC020": {"order": ["ports", "image", "build"]}}
test_custom_triggers, test_custom_near_misses = rule_table(
    "DC020",
    [
        ("services:\n  web:\n    image: nginx:1.27\n    ports:\n      - '80:80'\n", 4, 5),
        ("services:\n  web:\n    ports: []\n    restart: always\n    image: nginx:1.27\n", 5, 5),
    ],
    [
        "services:\n  web:\n    ports:\n      - '80:80'\n    image: nginx:1.27\n",
        "services:\n  web:\n    ports: []\n    build: .\n    container_name: web\n    restart: always\n",
    ],
    kind="compose",
    rule_options=NETWORK_FIRST,
)


def test_the_fix_follows_the_configured_order() -> None:
    from dockwright.fixes import fix_until_stable
    from dockwright.lint import lint

    config = {"enable": ["DC020"], "shellcheck": False, "rule_options": NETWORK_FIRST}

    def relint(text: str) -> list:  # type: ignore[type-arg]
        return [f for f in lint(text, kind="compose", config=config).findings if f.rule == "DC020"]

    text = "services:\n  web:\n    restart: always\n    image: nginx:1.27\n    ports:\n      - '80:80'\n"
    result, _ = fix_until_stable(text, relint(text), relint)
    assert result == "services:\n  web:\n    ports:\n      - '80:80'\n    image: nginx:1.27\n    restart: always\n"
