from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n", 2, 6),
    ("FROM debian:12\nCOPY build/dist.tgz /tmp/dist.tgz\nRUN cd /opt && tar xzf /tmp/dist.tgz\n", 2, 6),
    ("FROM debian:12\nCOPY a.txt data.tar.xz /tmp/\nRUN tar --extract -f /tmp/data.tar.xz\n", 2, 12),
    ("FROM debian:12\nCOPY x.tar /x/\nRUN echo\nRUN tar -xf /x/x.tar\n", 2, 6),
    ("FROM debian:12\nWORKDIR /w\nCOPY pkg.tbz2 ./\nRUN tar -xjf pkg.tbz2 && rm pkg.tbz2\n", 3, 6),
    # Copied to another archive name (hadolint's DL3010 spec).
    ("FROM debian:12\nCOPY foo/bar/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n", 2, 6),
    # Windows paths written with backslashes.
    (
        'FROM debian:12\nCOPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"\n'
        'RUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"\n',
        2,
        6,
    ),
    ('FROM debian:12\nCOPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz\n', 2, 6),
]
NEAR_MISSES = [
    "FROM debian:12\nADD app.tar.gz /opt/\n",
    "FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n",
    "FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -czf /tmp/app.tar.gz /opt\n",
    "FROM debian:12\nCOPY --from=build /out/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n",
    "FROM debian:12\nCOPY app.tar.gz /tmp/\nFROM debian:12\nRUN tar -xzf /tmp/app.tar.gz\n",
    "FROM debian:12\n# hadolint ignore=DL3010\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz\n",
    "FROM debian:12\nCOPY foo/app.tar /app.tar\nRUN tar -xf /tmp/foo/app.tar.gz\n",
]

test_triggers, test_near_misses = rule_table("DF051", TRIGGERS, NEAR_MISSES)
