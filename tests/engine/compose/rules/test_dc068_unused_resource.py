from tests.engine.rule_table import findings_of, rule_table

DB = "services:\n  db:\n    image: postgres:17\n"
TRIGGERS = [
    (DB + "volumes:\n  db-data:\n", 5, 3),
    (DB + "networks:\n  back:\n", 5, 3),
    (DB + "    volumes:\n      - ./data:/var/lib/postgresql/data\nvolumes:\n  data:\n", 7, 3),
    (DB + "    networks: [front]\nnetworks:\n  front:\n  back:\n", 7, 3),
    (DB + "volumes:\n  logs:\n    external: true\n", 5, 3),
]
NEAR_MISSES = [
    DB + "    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n",
    DB + "    volumes:\n      - type: volume\n        source: db-data\n        target: /data\nvolumes:\n  db-data:\n",
    DB + "    networks:\n      back:\n        aliases: [database]\nnetworks:\n  back:\n",
    DB + "networks:\n  default:\n    name: shop\n",
    DB + "    volumes:\n      - ${DATA_VOLUME}:/var/lib/postgresql/data\nvolumes:\n  db-data:\n",
    "x-db: &db\n  volumes:\n    - db-data:/data\nservices:\n  db:\n    image: postgres:17\n    <<: *db\n"
    "volumes:\n  db-data:\n",
    DB + "volumes:\n  db-data:  # dockwright ignore=DC068\n",
]

test_triggers, test_near_misses = rule_table("DC068", TRIGGERS, NEAR_MISSES, kind="compose")


def test_a_service_of_the_override_file_uses_it() -> None:
    from dockwright.lint import lint

    base = DB + "volumes:\n  db-data:\n"
    override = "services:\n  db:\n    volumes:\n      - db-data:/var/lib/postgresql/data\n"
    config = {"shellcheck": False}
    alone = lint(base, filename="compose.yaml", config=config, files={})
    merged = lint(base, filename="compose.yaml", config=config, files={"compose.override.yaml": override})
    assert "DC068" in {f.rule for f in alone.findings}
    assert "DC068" not in {f.rule for f in merged.findings}
    assert findings_of("DC068", base, "compose") == [(5, 3)]
