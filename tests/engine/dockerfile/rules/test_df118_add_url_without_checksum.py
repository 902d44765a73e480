from tests.engine.rule_table import rule_table

D = "FROM debian:12\n"
TRIGGERS = [
    (D + "ADD https://github.com/krallin/tini/releases/download/v0.19.0/tini /tini\n", 2, 5),
    (D + "ADD http://example.com/app.tar.gz /opt/\n", 2, 5),
    (D + "ADD --chmod=755 https://example.com/tool /usr/local/bin/tool\n", 2, 17),
    (D + "ARG URL=https://example.com/agent.jar\nADD ${URL} /opt/agent.jar\n", 3, 5),
    (D + "ADD https://a.example.com/x https://b.example.com/y /opt/\n", 2, 29),
]
NEAR_MISSES = [
    D + "ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
    "https://example.com/x /x\n",
    D + "ADD app.tar.gz /opt/\n",
    D + "ADD https://github.com/moby/buildkit.git#v0.12.0 /src\n",
    D + "COPY https-notes.txt /opt/\n",
    D + "ADD git@github.com:moby/buildkit.git /src\n",
]

test_triggers, test_near_misses = rule_table("DF118", TRIGGERS, NEAR_MISSES)
