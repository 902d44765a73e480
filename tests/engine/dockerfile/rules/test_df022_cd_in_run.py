from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nRUN cd /usr/src/app && make\n", 2, 5),
    ("FROM debian:12\nRUN make -C x; cd y\n", 2, 16),
    ("FROM debian:12\nRUN <<EOF\nset -e\ncd /tmp\nEOF\n", 4, 1),
    ("FROM debian:12\nRUN if true; then cd /x; fi\n", 2, 19),
    ("FROM debian:12\nRUN (cd /x && make)\n", 2, 6),
    ("FROM debian:12\nONBUILD RUN cd /app && make\n", 2, 13),
]
NEAR_MISSES = [
    "FROM debian:12\nWORKDIR /x\nRUN make\n",
    "FROM debian:12\nRUN echo cd\n",
    "FROM debian:12\nRUN make -C /x\n",
    "FROM debian:12\nCMD cd /x && ./run\n",
    "FROM debian:12\n# hadolint ignore=DL3003\nRUN cd /x && make\n",
]

test_triggers, test_near_misses = rule_table("DF022", TRIGGERS, NEAR_MISSES)
