from tests.engine.rule_table import rule_table

A = "services:\n  a:\n    image: x:1\n    container_name: app\n"
TRIGGERS = [
    (A + "  b:\n    image: y:1\n    container_name: app\n", 7, 21),
    (A + "  b:\n    image: y:1\n    container_name: 'app'\n  c:\n    image: z:1\n    container_name: app\n", 7, 21),
]
NEAR_MISSES = [
    A + "  b:\n    image: y:1\n    container_name: app2\n",
    A + "  b:\n    image: y:1\n    container_name: ${NAME}\n  c:\n    image: z:1\n    container_name: ${NAME}\n",
    A + "  b:\n    image: y:1\n    # dockwright ignore=DC010\n    container_name: app\n",
]

test_triggers, test_near_misses = rule_table("DC010", TRIGGERS, NEAR_MISSES, kind="compose")
