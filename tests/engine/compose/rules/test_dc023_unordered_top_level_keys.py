from tests.engine.rule_table import rule_table

WEB = "services:\n  web:\n    image: nginx:1.27\n"
TRIGGERS = [
    ("volumes:\n  data:\nservices:\n  db:\n    image: x:1\n", 3, 1),
    ("services: {}\nname: shop\n", 2, 1),
    ("services: {}\nx-common: &c {}\n", 2, 1),
    (WEB + "networks:\n  front:\nname: shop\n", 6, 1),
    ("x-b: 1\nx-a: 2\n" + WEB, 2, 1),
    ("name: shop\n" + WEB + "volumes:\n  data:\nnetworks:\n  front:\n", 7, 1),
    (
        WEB + "secrets:\n  db_password:\n    file: ./db_password.txt\nconfigs:\n  nginx:\n    file: ./nginx.conf\n"
        "volumes:\n  data:\n",
        10,
        1,
    ),
    (WEB + "version: '3.8'\n", 4, 1),
    ("{services: {web: {image: 'nginx:1.27'}}, name: shop}\n", 1, 42),
]
NEAR_MISSES = [
    "x-a: 1\nx-b: 2\nname: shop\nservices: {}\nnetworks: {}\nvolumes: {}\nsecrets: {}\nconfigs: {}\n",
    "services: {}\nbogus: 1\n",
    "volumes: {}\n# dockwright ignore=DC023\nservices: {}\n",
    "x-logging: &logging\n  driver: local\nname: shop\n" + WEB + "networks:\n  front:\nvolumes:\n  data:\n",
    "version: '3.8'\nname: shop\n" + WEB,
    "x-a: 1\nx-B: 2\n" + WEB,
    "name: shop\n" + WEB + "volumes:\n  data:\n# dockwright ignore=top-level-properties-order\nnetworks:\n  front:\n",
]

test_triggers, test_near_misses = rule_table("DC023", TRIGGERS, NEAR_MISSES, kind="compose")

# `order` (dclint's customOrder; its `x-properties` is our `x-*`): keys left out keep their place.
CUSTOM = {"DC023": {"order": ["version", "services", "volumes", "networks", "x-properties"]}}
test_custom_triggers, test_custom_near_misses = rule_table(
    "DC023",
    [
        ("x-a: 1\nservices: {}\n", 2, 1),
        ("services: {}\nnetworks: {}\nvolumes: {}\n", 3, 1),
    ],
    ["version: '3'\nservices: {}\nvolumes: {}\nnetworks: {}\nx-a: 1\nx-b: 2\n", "services: {}\nname: shop\n"],
    kind="compose",
    rule_options=CUSTOM,
)
