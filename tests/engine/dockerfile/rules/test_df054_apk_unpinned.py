from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM alpine:3.20\nRUN apk add --no-cache curl\n", 2, 24),
    ("FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2 git\n", 2, 38),
    ("FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1-r0 musl-dev\n", 2, 60),
    ("FROM alpine:3.20\nRUN apk update && \\\n    apk add --no-cache \\\n      bash\n", 4, 7),
    ("FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add tini\n", 2, 54),
    ("FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl\n", 2, 32),
]
NEAR_MISSES = [
    "FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n",
    "FROM alpine:3.20\nRUN apk add --no-cache 'python3~3.12'\n",
    "FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc=13.2.1-r0\n",
    "FROM alpine:3.20\nRUN apk del curl\n",
    "FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/pkg.apk\n",
    "FROM alpine:3.20\nRUN apk add --no-cache $PKGS\n",
    "FROM alpine:3.20\n# hadolint ignore=DL3018\nRUN apk add --no-cache curl\n",
    "FROM alpine:3.20\nRUN apk --repository https://mirror.example/edge/main add --no-cache jq=1.7.1-r0\n",
]

test_triggers, test_near_misses = rule_table("DF054", TRIGGERS, NEAR_MISSES)
