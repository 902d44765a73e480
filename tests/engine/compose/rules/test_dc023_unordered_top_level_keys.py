from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("volumes:\n  data:\nservices:\n  db:\n    image: x:1\n", 3, 1),
    ("services: {}\nname: shop\n", 2, 1),
    ("services: {}\nx-common: &c {}\n", 2, 1),
]
NEAR_MISSES = [
    "x-a: 1\nx-b: 2\nname: shop\nservices: {}\nnetworks: {}\nvolumes: {}\nsecrets: {}\nconfigs: {}\n",
    "services: {}\nbogus: 1\n",
    "volumes: {}\n# dockwright ignore=DC023\nservices: {}\n",
]

test_triggers, test_near_misses = rule_table("DC023", TRIGGERS, NEAR_MISSES, kind="compose")
