from tests.engine.rule_table import rule_table

TRIGGERS = [
    ("FROM quay.io/acme/base:1.0\n", 1, 6),
    ("FROM python:3.12-slim\n", 1, 6),
    ("FROM registry.example.com/a:1 AS a\nFROM ghcr.io/acme/tool:2\n", 2, 6),
    ("ARG REG=quay.io\nFROM ${REG}/acme/base:1.0\n", 2, 6),
    ("FROM gcr.io.evil.com/x:1\n", 1, 6),
    # Images COPY and RUN mounts take files from (hadolint's DL3026 spec).
    ("FROM scratch\nCOPY --from=untrusted.com/repo/image:tag /foo /bar\n", 2, 13),
    ("FROM scratch\nRUN --mount=type=bind,from=untrusted.com/repo/image:tag,target=/foo foobar\n", 2, 13),
    ("FROM scratch\nRUN --mount=type=cache,from=quay.io/x/y:1,target=/foo foobar\n", 2, 13),
    ("FROM scratch\nONBUILD COPY --from=quay.io/x/y:1 /a /b\n", 2, 21),
]
NEAR_MISSES = [
    "FROM registry.example.com/acme/base:1.0\n",
    "FROM eu.gcr.io/acme/base:1.0\n",
    "FROM scratch\n",
    "FROM registry.example.com/a:1 AS build\nFROM build\n",
    "# hadolint ignore=DL3026\nFROM quay.io/acme/base:1.0\n",
    "FROM registry.example.com/a:1 AS build\nFROM scratch\nCOPY --from=build /a /b\nCOPY --from=0 /a /c\n",
    "FROM registry.example.com/a:1 AS build\nFROM scratch\nRUN --mount=type=bind,from=build,target=/b x\n",
    "FROM scratch\nCOPY --from=registry.example.com/x/y:1 /a /b\nRUN --mount=type=tmpfs,target=/t x\n",
]

test_triggers, test_near_misses = rule_table(
    "DF060", TRIGGERS, NEAR_MISSES, trusted_registries=["registry.example.com", "*.gcr.io"]
)


def test_nothing_is_reported_without_trusted_registries() -> None:
    from tests.engine.rule_table import findings_of

    assert findings_of("DF060", "FROM quay.io/acme/base:1.0\n") == []


def test_docker_hub_images_are_trusted_through_docker_io() -> None:
    from tests.engine.rule_table import findings_of

    assert findings_of("DF060", "FROM python:3.12\n", trusted_registries=["docker.io"]) == []
