from tests.engine.rule_table import rule_table

N = "FROM node:20-alpine\n"
TRIGGERS = [
    (N + 'ARG NPM_TOKEN\nRUN echo "//npm.pkg.github.com/:_authToken=${NPM_TOKEN}" > .npmrc\n', 3, 10),
    (N + "RUN git clone https://deploy:hunter2@git.example.com/acme/app.git\n", 2, 15),
    (N + "ARG GH_TOKEN\nRUN git clone https://${GH_TOKEN}@github.com/acme/lib.git\n", 3, 15),
    (
        N + "ENV PIP_TOKEN=abc\nRUN pip install --index-url https://__token__:$PIP_TOKEN@pypi.example.com/simple x\n",
        3,
        29,
    ),
    (N + "RUN npm config set //registry.example.com/:_authToken abc123\n", 2, 20),
]
NEAR_MISSES = [
    N + "RUN --mount=type=secret,id=gh,env=GH_TOKEN git clone https://${GH_TOKEN}@github.com/acme/lib.git\n",
    N + "RUN git clone https://github.com/acme/lib.git\n",
    N + "RUN npm install @acme/lib@1.2.3\n",
    N + "RUN echo user@example.com > /etc/maintainer\n",
    N + "RUN git clone ssh://git@github.com/acme/lib.git\n",
    N + "RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n",
]

test_triggers, test_near_misses = rule_table("DF120", TRIGGERS, NEAR_MISSES)
