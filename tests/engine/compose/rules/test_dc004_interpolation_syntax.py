from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("services:\n  web:\n    image: nginx:${TAG\n", 3, 18),
    ("services:\n  web:\n    image: nginx:1.27\n    command: echo ${}\n", 4, 19),
    ("services:\n  web:\n    image: nginx:1.27\n    command: 'echo ${1X}'\n", 4, 20),
    ("services:\n  web:\n    image: nginx:1.27\n    environment:\n      A: ${B:=x}\n", 5, 10),
    ("services:\n  web:\n    image: nginx:1.27\n    environment:\n      - A=x ${B C}\n", 5, 13),
]
NEAR_MISSES = [
    "services:\n  web:\n    image: nginx:${TAG:-1.27}\n",
    "services:\n  web:\n    image: nginx:1.27\n    command: echo $$HOME $1 $ 5$\n",
    "services:\n  web:\n    image: nginx:1.27\n    command: echo ${A:-${B:-c}}\n",
    "services:\n  web:\n    image: nginx:1.27\n    command: echo $${NOT_A_VARIABLE\n",
    "services:\n  web:\n    image: nginx:1.27\n    command: echo ${BROKEN  # dockwright ignore=DC004\n",
]

test_triggers, test_near_misses = rule_table("DC004", TRIGGERS, NEAR_MISSES, kind="compose")
