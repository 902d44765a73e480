from tests.engine.rule_table import findings_of, rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: nginx:1.27\n", 1, 1),
    ("# a comment\nservices: {}\n", 1, 1),
    ("version: '3.8'\nservices:\n  web:\n    image: nginx:1.27\n", 1, 1),
    ("x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: nginx:1.27\n", 1, 1),
    ("services:\n  web:\n    image: nginx:1.27\n    labels:\n      name: shop\n", 1, 1),
    ("services:\n  name:\n    image: nginx:1.27\n", 1, 1),
    ("---\nservices:\n  web:\n    image: nginx:1.27\n", 1, 1),
]
NEAR_MISSES = [
    "name: shop\nservices:\n  web:\n    image: nginx:1.27\n",
    "services: [\n",  # not a mapping at all: the syntax rule speaks
    "# dockwright global ignore=DC015\nservices: {}\n",
    "name: ${COMPOSE_PROJECT_NAME:-shop}\nservices:\n  web:\n    image: nginx:1.27\n",
    "x-project: &project shop\nname: *project\nservices:\n  web:\n    image: nginx:1.27\n",
    "services:\n  web:\n    image: nginx:1.27\nname: shop\n",
    "{name: shop, services: {web: {image: 'nginx:1.27'}}}\n",
    "# dockwright global ignore=require-project-name-field\nservices:\n  web:\n    image: nginx:1.27\n",
]

test_triggers, test_near_misses = rule_table("DC015", TRIGGERS, NEAR_MISSES, kind="compose")


def test_the_rule_is_off_by_default() -> None:
    from dockwright.lint import lint

    result = lint("services:\n  web:\n    image: nginx:1.27\n", kind="compose")
    assert not [f for f in result.findings if f.rule == "DC015"]
    assert findings_of("DC015", "services: {}\n", "compose") == [(1, 1)]
