from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM python:3.12-slim\nRUN useradd app\nCOPY . /app\nRUN chown -R app:app /app\nUSER app\n", 4, 5),
    ("FROM node:22\nWORKDIR /srv\nCOPY . .\nRUN chown -R node .\n", 4, 5),
    ("FROM debian:12\nCOPY app/ /opt/app/lib/\nRUN chown -R 1000:1000 /opt\n", 3, 5),
    (
        "FROM debian:12\nCOPY entrypoint.sh /usr/local/bin/entrypoint.sh\nRUN chown app /usr/local/bin/entrypoint.sh\n",
        3,
        5,
    ),
    ("FROM debian:12\nCOPY . /app\nRUN cd /app && chown -R app data\n", 3, 16),
    ("FROM debian:12\nENV APP_HOME=/app\nCOPY . $APP_HOME\nRUN chown -R app $APP_HOME\n", 4, 5),
    ("FROM debian:12 AS b\nFROM debian:12\nCOPY --from=b /out /app/\nRUN chown -R app /app\n", 4, 5),
    ("FROM debian:12\nCOPY . .\nRUN chown -R app:app .\n", 3, 5),
]
NEAR_MISSES = [
    "FROM python:3.12-slim\nRUN useradd app\nCOPY --chown=app:app . /app\nUSER app\n",
    "FROM debian:12\nCOPY . /app\nRUN chown -R app /data\n",
    "FROM debian:12\nRUN chown -R app /app\nCOPY . /app\n",
    # Only the directory itself changes owner, not the file COPY wrote inside it.
    "FROM debian:12\nCOPY a.txt /app/a.txt\nRUN chown app /app\n",
    "FROM debian:12 AS a\nCOPY . /app\nFROM debian:12\nRUN chown -R app /app\n",
    "FROM debian:12\nCOPY . .\nRUN cd /tmp && chown -R app .\n",
    "FROM debian:12\nCOPY . /app\nRUN chown -R app $UNKNOWN\n",
    "FROM debian:12\nCOPY . /app\nRUN chmod -R 755 /app\n",
    "FROM debian:12\nCOPY . /app\n# dockwright ignore=DF017\nRUN chown -R app /app\n",
]

test_triggers, test_near_misses = rule_table("DF017", TRIGGERS, NEAR_MISSES)
