from tests.engine.rule_table import rule_table

D = "FROM debian:12\n"
TRIGGERS = [
    (D + "RUN curl -k https://pki.example.com/ca.crt -o /tmp/ca.crt\n", 2, 5),
    (D + "RUN curl -fsSLk https://example.com/x -o /x\n", 2, 5),
    (D + "RUN wget --no-check-certificate https://example.com/x\n", 2, 5),
    (D + "RUN pip3 install --trusted-host pypi.org ansible-core==2.17.3\n", 2, 5),
    (D + "RUN git config --global http.sslVerify false\n", 2, 5),
    (D + "RUN apt-get install -y --allow-unauthenticated curl\n", 2, 5),
    (D + "RUN npm config set strict-ssl false\n", 2, 5),
    ("FROM node:20-alpine\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n", 2, 5),
    ("FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/pkg.apk\n", 2, 5),
    (D + "ARG GIT_SSL_NO_VERIFY=1\n", 2, 5),
]
NEAR_MISSES = [
    D + "RUN curl -fsSLo /usr/local/bin/kubectl https://dl.k8s.io/release/v1.31.0/bin/linux/amd64/kubectl\n",
    D + "RUN curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs -o /tmp/rustup.sh\n",
    D + "RUN wget -q -k https://example.com/page.html\n",
    D + "RUN pip install --no-cache-dir requests==2.32.3\n",
    D + "RUN git config --global http.sslVerify true\n",
    "FROM node:20-alpine\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n",
    D + "RUN npm config set registry https://registry.example.com\n",
]

test_triggers, test_near_misses = rule_table("DF119", TRIGGERS, NEAR_MISSES)
