from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/entrypoint.sh\n", 3, 5),
    ("FROM debian:12\nWORKDIR /app\nCOPY run.sh .\nRUN chmod 755 run.sh\n", 4, 5),
    ("FROM debian:12\nCOPY scripts/ /opt/scripts/\nRUN chmod -R +x /opt/scripts\n", 3, 5),
    ("FROM debian:12\nCOPY --chown=app . /app\nRUN chmod -x /app/bin/tool\n", 3, 5),
    ("FROM debian:12\nCOPY a.sh b.sh /bin/\nRUN chmod u+x /bin/a.sh /bin/b.sh\n", 3, 5),
    ("FROM debian:12\nCOPY run.sh /run.sh\nRUN set -e; \\\n    chmod 0755 /run.sh\n", 4, 5),
]
NEAR_MISSES = [
    "FROM debian:12\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\n",
    "FROM debian:12\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod +x /usr/bin/other\n",
    "FROM debian:12\nRUN chmod +x /usr/local/bin/x\nCOPY x /usr/local/bin/\n",
    # `COPY . /` is too broad to say the chmod'ed file came from it.
    "FROM debian:12\nCOPY . /\nRUN chmod +x /usr/bin/tool\n",
    "FROM debian:12\nCOPY run.sh /run.sh\nRUN chown app /run.sh\n",
    "FROM debian:12\nCOPY run.sh /run.sh\n# dockwright ignore=chmod-after-copy\nRUN chmod +x /run.sh\n",
]

test_triggers, test_near_misses = rule_table("DF018", TRIGGERS, NEAR_MISSES)
