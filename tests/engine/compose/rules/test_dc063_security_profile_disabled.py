from tests.engine.rule_table import rule_table

HEAD = "services:\n  app:\n    image: example/app:1.0\n"
TRIGGERS = [
    (HEAD + "    security_opt:\n      - seccomp:unconfined\n", 5, 9),
    (HEAD + "    security_opt:\n      - seccomp=unconfined\n", 5, 9),
    (HEAD + "    security_opt:\n      - apparmor:unconfined\n", 5, 9),
    (HEAD + "    security_opt:\n      - label:disable\n", 5, 9),
    (HEAD + "    security_opt:\n      - 'label=disable'\n", 5, 9),
    (HEAD + "    security_opt: [no-new-privileges:true, systempaths=unconfined]\n", 4, 44),
    ("x-base: &base\n  security_opt: ['apparmor=unconfined']\nservices:\n  app:\n    <<: *base\n", 2, 18),
]
NEAR_MISSES = [
    HEAD + "    security_opt:\n      - no-new-privileges:true\n",
    HEAD + "    security_opt:\n      - seccomp=./profiles/app.json\n",
    HEAD + "    security_opt:\n      - apparmor=docker-default\n",
    HEAD + "    security_opt:\n      - label=type:svirt_apache_t\n",
    HEAD + "    security_opt:\n      - ${SECURITY_OPT}\n",
    HEAD + "    security_opt:\n      - seccomp:unconfined  # dockwright ignore=DC063\n",
    HEAD + "    labels:\n      - seccomp:unconfined\n",
]

test_triggers, test_near_misses = rule_table("DC063", TRIGGERS, NEAR_MISSES, kind="compose")
