from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: x:1\n  api:\n    image: y:1\n", 4, 3),
    ("services:\n  a:\n    image: x:1\n  c:\n    image: x:1\n  b:\n    image: x:1\n", 6, 3),
    ("services:\n  worker:\n    image: x:1\n  web:\n    image: nginx:1.27\n  db:\n    image: postgres:17\n", 4, 3),
    ("services:\n  web:\n    image: nginx:1.27\n  api:\n    image: x:1\n  cache:\n    image: redis:7.4\n", 6, 3),
    ("services:\n  web:\n    image: nginx:1.27\n  Api:\n    image: x:1\n", 4, 3),
    ("services:\n  db-replica:\n    image: postgres:17\n  db:\n    image: postgres:17\n", 4, 3),
]
NEAR_MISSES = [
    "services:\n  api:\n    image: x:1\n  Web:\n    image: y:1\n  worker:\n    image: y:1\n",
    "services:\n  app-a:\n    image: x:1\n  app_b:\n    image: y:1\n  app2:\n    image: z:1\n",
    "services:\n  web:\n    image: x:1\n  # dockwright ignore=DC022\n  api:\n    image: y:1\n",
    "services:\n  db:\n    image: postgres:17\n  db-replica:\n    image: postgres:17\n",
    "x-web: &web\n  image: nginx:1.27\nservices:\n  api:\n    image: x:1\n  web:\n    <<: *web\n",
    "services:\n  api:\n    image: x:1\n  web:\n    image: nginx:1.27\n    depends_on: [api]\nnetworks:\n"
    "  zeta:\n  alpha:\n",
    "services:\n  web:\n    image: nginx:1.27\n  api:  # dockwright ignore=services-alphabetical-order\n"
    "    image: x:1\n",
]

test_triggers, test_near_misses = rule_table("DC022", TRIGGERS, NEAR_MISSES, kind="compose")
