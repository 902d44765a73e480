from tests.engine.rule_table import rule_table

ES = "services:\n  es:\n    image: elasticsearch:8.15.3\n"
TRIGGERS = [
    (ES + "    environment:\n      ES_JAVA_OPTS: -Xms2g -Xmx2g\n    mem_limit: 2g\n", 5, 21),
    (ES + "    environment:\n      - ES_JAVA_OPTS=-Xmx4096m\n    deploy:\n      resources:\n        limits:\n"
     "          memory: 4G\n", 5, 9),
    (ES + "    environment:\n      JAVA_OPTS: -Xmx3g -XX:+UseG1GC\n    mem_limit: 2048m\n", 5, 18),
    (ES + "    environment:\n      KAFKA_HEAP_OPTS: -Xmx1g -Xmx2g\n    mem_limit: 1536M\n", 5, 24),
    (ES + "    environment:\n      JAVA_TOOL_OPTIONS: -Xmx1073741824\n    mem_limit: 1g\n", 5, 26),
]  # fmt: skip
NEAR_MISSES = [
    ES + "    environment:\n      ES_JAVA_OPTS: -Xms1g -Xmx1g\n    mem_limit: 2g\n",
    ES + "    environment:\n      ES_JAVA_OPTS: -Xmx2g\n",
    ES + "    environment:\n      ES_JAVA_OPTS: -Xmx${HEAP}\n    mem_limit: 1g\n",
    ES + "    environment:\n      ES_JAVA_OPTS: -Xmx2g\n    mem_limit: ${MEMORY}\n",
    ES + "    environment:\n      OTHER_OPTS: -Xmx4g\n    mem_limit: 1g\n",
    ES + "    environment:\n      JAVA_OPTS: -XX:MaxRAMPercentage=75\n    mem_limit: 1g\n",
    ES + "    environment:\n      ES_JAVA_OPTS: -Xmx2g  # dockwright ignore=DC069\n    mem_limit: 2g\n",
]

test_triggers, test_near_misses = rule_table("DC069", TRIGGERS, NEAR_MISSES, kind="compose")
