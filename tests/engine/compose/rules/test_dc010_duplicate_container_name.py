from tests.engine.rule_table import rule_table

A = "services:\n  a:\n    image: x:1\n    container_name: app\n"
DB = "services:\n  db:\n    image: postgres:17\n"
TRIGGERS = [
    (A + "  b:\n    image: y:1\n    container_name: app\n", 7, 21),
    (A + "  b:\n    image: y:1\n    container_name: 'app'\n  c:\n    image: z:1\n    container_name: app\n", 7, 21),
    (
        'services:\n  api:\n    image: example/api:1.0\n    container_name: "shop-api"\n  api-v2:\n'
        "    image: example/api:2.0\n    container_name: shop-api\n",
        7,
        21,
    ),
    (
        "x-api: &api\n  image: example/api:1.0\n  container_name: shop-api\nservices:\n  api:\n    <<: *api\n"
        "  api-canary:\n    <<: *api\n    image: example/api:1.1\n",
        3,
        19,
    ),
    (
        DB + "    container_name: ${PROJECT:-shop}-db\n  db-replica:\n    image: postgres:17\n"
        "    container_name: ${PROJECT:-shop}-db\n",
        7,
        21,
    ),
    (
        DB
        + "    container_name: >-\n      shop-db\n  db-replica:\n    image: postgres:17\n    container_name: shop-db\n",
        8,
        21,
    ),
]
# The same expression is the same name whatever the variable holds (here it has no value).
TRIGGERS.append(
    (
        A + "  b:\n    image: y:1\n    container_name: ${FIXED_NAME}\n  c:\n    image: z:1\n"
        "    container_name: ${FIXED_NAME}\n",
        10,
        21,
    )
)
NEAR_MISSES = [
    A + "  b:\n    image: y:1\n    container_name: app2\n",
    A + "  b:\n    image: y:1\n    container_name: ${NAME}\n  c:\n    image: z:1\n    container_name: ${OTHER}\n",
    A + "  b:\n    image: y:1\n    container_name: ${NAME}\n",  # unknown: it may or may not be `app`
    A + "  b:\n    image: y:1\n    # dockwright ignore=DC010\n    container_name: app\n",
    DB + "    container_name: ${DB_NAME:-shop-db}\n  db-replica:\n    image: postgres:17\n"
    "    container_name: ${REPLICA_NAME:-shop-db-replica}\n",
    DB + "    container_name: shop-db\n  db-replica:\n    image: postgres:17\n    hostname: shop-db\n",
    DB + "    container_name: shop-db\n  db-replica:\n    image: postgres:17\n"
    "    container_name: shop-db  # dockwright ignore=no-duplicate-container-names\n",
]

test_triggers, test_near_misses = rule_table("DC010", TRIGGERS, NEAR_MISSES, kind="compose")
