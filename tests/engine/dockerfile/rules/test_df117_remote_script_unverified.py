from tests.engine.rule_table import rule_table

D = "FROM debian:12\n"
TRIGGERS = [
    (D + "RUN curl -fsSL https://get.docker.com | sh\n", 2, 5),
    (D + "RUN curl -sSL https://install.python-poetry.org | python3 -\n", 2, 5),
    (D + "RUN wget -qO- https://example.com/setup | sudo -E bash -\n", 2, 5),
    (D + 'RUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n', 2, 5),
    (
        D + "RUN set -eux; \\\n    curl -sS https://getcomposer.org/installer | php -- --install-dir=/usr/local/bin\n",
        3,
        5,
    ),
    (D + "RUN bash <(curl -fsSL https://example.com/i.sh)\n", 2, 5),
    (D + "RUN <<EOF\ncurl -fsSL https://example.com/i.sh | sh\nEOF\n", 3, 1),
]
NEAR_MISSES = [
    D + "RUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sha256sum -c sums && sh /tmp/i.sh\n",
    D + "RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /etc/apt/keyrings/x.gpg\n",
    D + "RUN curl -fsSL https://example.com/app.tgz | tar -xz -C /opt\n",
    D + "RUN wget -O /tmp/x https://example.com/x | sh\n",
    D + "RUN echo hello | sh\n",
    D + "RUN curl -fsSLo /usr/local/bin/kubectl https://dl.k8s.io/kubectl | cat\n",
]

test_triggers, test_near_misses = rule_table("DF117", TRIGGERS, NEAR_MISSES)
