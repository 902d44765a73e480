"""The image facts table: for each image and tag, the facts a rule would ask of it."""

import pytest

from dockwright.data.images import ROOT, facts_for
from dockwright.dockerfile.image import parse_image

# (image reference, program, on the PATH: True / False / None for unknown)
PROGRAMS = [
    ("python:3.12", "curl", True),
    ("python:3.12-bookworm", "wget", True),
    ("python:3.12-slim", "curl", False),
    ("python:3.12-slim-bookworm", "wget", False),
    ("python:3.12-slim", "bash", True),
    ("python:3.12-slim", "pip", True),
    ("python:3.12-alpine", "python", True),
    ("python:3.12-alpine3.20", "curl", False),
    ("python:3.12-alpine", "wget", True),
    ("python:3.12-alpine", "bash", False),
    ("python:3.13-rc-slim", "curl", False),
    ("node:22", "curl", True),
    ("node:22", "python3", True),
    ("node:22-bookworm-slim", "curl", False),
    ("node:22-slim", "python3", False),
    ("node:lts-alpine", "wget", True),
    ("node:iron-alpine3.20", "curl", False),
    ("node:22", "python", None),
    ("golang:1.23", "git", True),
    ("golang:1.23-alpine", "git", False),
    ("golang:1.23-alpine", "curl", False),
    ("eclipse-temurin:21-jre", "curl", True),
    ("eclipse-temurin:21-jdk-noble", "wget", True),
    ("eclipse-temurin:21-jre-alpine", "curl", False),
    ("openjdk:21-jdk-slim", "curl", False),
    ("openjdk:21-jdk-bookworm", "curl", True),
    ("openjdk:21", "curl", None),
    ("nginx:1.27", "curl", True),
    ("nginx:1.27-alpine", "wget", True),
    ("nginx:1.27-alpine", "curl", None),
    ("nginx:mainline-bookworm", "curl", True),
    ("httpd:2.4", "curl", None),
    ("caddy:2.8", "curl", False),
    ("traefik:v3.1", "wget", True),
    ("postgres:16", "curl", False),
    ("postgres:16", "wget", False),
    ("postgres:16", "pg_isready", True),
    ("postgres:16-alpine", "wget", True),
    ("mysql:8.4", "curl", True),
    ("mysql:8.4", "mysqladmin", True),
    ("mariadb:10.11", "mysqladmin", True),
    ("mariadb:11.4", "mysqladmin", False),
    ("mariadb:11.4", "mariadb-admin", True),
    ("mariadb:lts", "mysql", False),
    ("mongo:4.4", "mongosh", False),
    ("mongo:5.0", "mongo", True),
    ("mongo:7.0", "mongo", False),
    ("mongo:7.0", "mongosh", True),
    ("mongo", "curl", False),
    ("redis:7.4", "curl", False),
    ("redis:7.4-alpine", "wget", True),
    ("elasticsearch:8.15.0", "curl", True),
    ("docker.elastic.co/elasticsearch/elasticsearch:8.15.0", "wget", False),
    ("docker.elastic.co/kibana/kibana:8.15.0", "curl", True),
    ("rabbitmq:3.13", "curl", False),
    ("rabbitmq:3.13-management", "rabbitmqadmin", True),
    ("rabbitmq:3.13-management-alpine", "python3", True),
    ("grafana/grafana:11.2.0", "curl", True),
    ("grafana/grafana-oss:11.2.0-ubuntu", "curl", True),
    ("prom/prometheus:v2.54.1", "wget", True),
    ("quay.io/prometheus/prometheus:v2.54.1", "curl", False),
    ("mongo-express:1.0.2", "curl", False),
    ("dpage/pgadmin4:8.11", "curl", False),
    ("mher/flower:2.0", "curl", False),
    ("alpine:3.20", "curl", False),
    ("alpine:3.20", "sh", True),
    ("debian:bookworm-slim", "curl", False),
    ("debian:12", "bash", True),
    ("ubuntu:24.04", "wget", False),
    ("ubuntu:noble-20240911", "python3", False),
    ("busybox:1.36-musl", "wget", True),
    ("busybox:1.36", "bash", False),
    ("scratch", "sh", False),
    ("gcr.io/distroless/static-debian12", "sh", False),
    ("gcr.io/distroless/static-debian12:nonroot", "curl", False),
    ("gcr.io/distroless/base-debian12:debug", "sh", True),
    ("gcr.io/distroless/python3-debian12", "python3", True),
    ("gcr.io/distroless/python3-debian12", "pip", False),
    ("gcr.io/distroless/java21-debian12:nonroot", "java", True),
]


@pytest.mark.parametrize(("image", "program", "expected"), PROGRAMS)
def test_what_an_image_has_on_its_path(image: str, program: str, expected: bool | None) -> None:
    facts = facts_for(image)
    assert facts is not None
    assert facts.has(program) is expected


# (image reference, where its data must be mounted)
DATA_DIRECTORIES = [
    ("postgres:13", ("/var/lib/postgresql/data",)),
    ("postgres:17.2", ("/var/lib/postgresql/data",)),
    ("postgres:17-alpine", ("/var/lib/postgresql/data",)),
    ("postgres:9.6", ("/var/lib/postgresql/data",)),
    ("postgres:18", ("/var/lib/postgresql",)),
    ("postgres:18.1-alpine3.22", ("/var/lib/postgresql",)),
    ("postgres:19beta1", ("/var/lib/postgresql",)),
    ("postgres", ("/var/lib/postgresql",)),
    ("postgres:alpine", ("/var/lib/postgresql",)),
    ("mysql:8.4", ("/var/lib/mysql",)),
    ("mariadb:11.4", ("/var/lib/mysql",)),
    ("mongo:7.0", ("/data/db", "/data/configdb")),
    ("redis:7.4-alpine", ("/data",)),
    ("elasticsearch:8.15.0", ("/usr/share/elasticsearch/data",)),
    ("rabbitmq:3.13-management", ("/var/lib/rabbitmq",)),
    ("grafana/grafana:11.2.0", ("/var/lib/grafana",)),
    ("prom/prometheus:v2.54.1", ("/prometheus",)),
    ("dpage/pgadmin4:8.11", ("/var/lib/pgadmin",)),
    ("caddy:2.8", ("/data", "/config")),
    ("nginx:1.27", ()),
]


@pytest.mark.parametrize(("image", "expected"), DATA_DIRECTORIES)
def test_where_an_image_keeps_its_data(image: str, expected: tuple[str, ...]) -> None:
    facts = facts_for(image)
    assert facts is not None
    assert facts.data_dirs == expected


@pytest.mark.parametrize(
    ("image", "pgdata"),
    [
        ("postgres:16", "/var/lib/postgresql/data"),
        ("postgres:18", "/var/lib/postgresql/18/docker"),
        ("postgres:19.2-alpine", "/var/lib/postgresql/19/docker"),
        ("postgres:latest", None),  # the major of `latest` moves, so its PGDATA is not known
    ],
)
def test_postgres_pgdata_follows_the_major_version(image: str, pgdata: str | None) -> None:
    facts = facts_for(image)
    assert facts is not None
    variable = facts.variable("PGDATA")
    assert variable is not None
    assert variable.default == pgdata


# (image reference, ports its servers listen on, of which admin UIs)
PORTS = [
    ("postgres:16", [5432], []),
    ("mysql:8.4", [3306, 33060], []),
    ("mariadb:11.4", [3306], []),
    ("mongo:7.0", [27017], []),
    ("redis:7.4", [6379], []),
    ("elasticsearch:8.15.0", [9200, 9300], []),
    ("docker.elastic.co/kibana/kibana:8.15.0", [5601], []),
    ("rabbitmq:3.13", [5672, 5671, 15692, 25672, 4369], []),
    ("rabbitmq:3.13-management", [5672, 5671, 15692, 25672, 4369, 15672, 15671], [15672, 15671]),
    ("grafana/grafana:11.2.0", [3000], []),
    ("prom/prometheus:v2.54.1", [9090], []),
    ("nginx:1.27-alpine", [80], []),
    ("httpd:2.4", [80], []),
    ("caddy:2.8", [80, 443, 443, 2019], [2019]),
    ("traefik:v3.1", [80, 8080], [8080]),
    ("mongo-express:1.0.2", [8081], [8081]),
    ("dpage/pgadmin4:8.11", [80, 443], [80, 443]),
    ("mher/flower:2.0", [5555], [5555]),
    ("python:3.12-slim", [], []),
]


@pytest.mark.parametrize(("image", "ports", "admin"), PORTS)
def test_the_ports_an_image_serves_and_which_are_admin_uis(image: str, ports: list[int], admin: list[int]) -> None:
    facts = facts_for(image)
    assert facts is not None
    assert [p.number for p in facts.ports] == ports
    assert [p.number for p in facts.admin_ports] == admin


# (image reference, USER, server process user, WORKDIR)
USERS = [
    ("python:3.12-slim", ROOT, None, "/"),
    ("node:22-alpine", ROOT, None, "/"),
    ("golang:1.23", ROOT, None, "/go"),
    ("nginx:1.27", ROOT, "nginx", "/"),
    ("httpd:2.4", ROOT, "www-data", "/usr/local/apache2"),
    ("caddy:2.8", ROOT, None, "/srv"),
    ("postgres:16", ROOT, "postgres", "/"),
    ("mysql:8.4", ROOT, "mysql", "/"),
    ("mongo:7.0", ROOT, "mongodb", "/"),
    ("redis:7.4", ROOT, "redis", "/data"),
    ("rabbitmq:3.13", ROOT, "rabbitmq", "/"),
    ("elasticsearch:8.15.0", "1000", None, "/usr/share/elasticsearch"),
    ("grafana/grafana:11.2.0", "472", None, "/usr/share/grafana"),
    ("prom/prometheus:v2.54.1", "nobody", None, "/prometheus"),
    ("dpage/pgadmin4:8.11", "5050", None, "/pgadmin4"),
    ("mher/flower:2.0", "flower", None, "/data"),
    ("gcr.io/distroless/static-debian12", ROOT, None, "/"),
    ("gcr.io/distroless/static-debian12:nonroot", "65532", None, "/home/nonroot"),
    ("gcr.io/distroless/cc-debian12:debug-nonroot", "65532", None, "/home/nonroot"),
]


@pytest.mark.parametrize(("image", "user", "server_user", "workdir"), USERS)
def test_who_an_image_runs_as_and_where(image: str, user: str, server_user: str | None, workdir: str) -> None:
    facts = facts_for(image)
    assert facts is not None
    assert (facts.user, facts.server_user, facts.workdir) == (user, server_user, workdir)


# (image reference, password variable, default user, default password) of the account left at its default
DEFAULT_LOGINS = [
    ("grafana/grafana:11.2.0", "GF_SECURITY_ADMIN_PASSWORD", "admin", "admin"),
    ("rabbitmq:3.13", "RABBITMQ_DEFAULT_PASS", "guest", "guest"),
    ("rabbitmq:3-management-alpine", "RABBITMQ_DEFAULT_PASS", "guest", "guest"),
    ("mongo-express:1.0.2-20-alpine3.19", "ME_CONFIG_BASICAUTH_PASSWORD", "admin", "pass"),
]


@pytest.mark.parametrize(("image", "variable", "user", "password"), DEFAULT_LOGINS)
def test_the_default_logins_an_image_creates(image: str, variable: str, user: str, password: str) -> None:
    facts = facts_for(image)
    assert facts is not None and facts.default_login is not None
    login = facts.default_login
    assert (login.password_variable, login.user, login.password) == (variable, user, password)


@pytest.mark.parametrize(
    ("image", "open_without_credentials"),
    [
        ("redis:7.4", True),
        ("mongo:7.0", True),
        ("mher/flower:2.0", True),
        ("prom/prometheus:v2.54.1", True),
        ("mongo-express:0.54", True),
        ("mongo-express:1.0.2", False),
        ("elasticsearch:7.17.22", True),
        ("elasticsearch:8.15.0", False),
        ("postgres:16", False),
    ],
)
def test_which_servers_accept_clients_without_a_password(image: str, open_without_credentials: bool) -> None:
    facts = facts_for(image)
    assert facts is not None
    assert facts.open_without_credentials is open_without_credentials


# (image reference, variable, secret, required, default)
ENVIRONMENT = [
    ("postgres:16", "POSTGRES_PASSWORD", True, True, None),
    ("postgres:16", "POSTGRES_USER", False, False, "postgres"),
    ("mysql:8.4", "MYSQL_ROOT_PASSWORD", True, True, None),
    ("mariadb:11.4", "MARIADB_ROOT_PASSWORD", True, True, None),
    ("mongo:7.0", "MONGO_INITDB_ROOT_PASSWORD", True, False, None),
    ("grafana/grafana:11.2.0", "GF_SECURITY_ADMIN_PASSWORD", True, False, None),
    ("elasticsearch:8.15.0", "ES_JAVA_OPTS", False, False, None),
    ("elasticsearch:8.15.0", "ELASTIC_PASSWORD", True, False, None),
    ("rabbitmq:3.13", "RABBITMQ_DEFAULT_PASS", True, False, "guest"),
    ("dpage/pgadmin4:8.11", "PGADMIN_DEFAULT_PASSWORD", True, True, None),
    ("mher/flower:2.0", "FLOWER_BASIC_AUTH", True, False, None),
]


@pytest.mark.parametrize(("image", "name", "secret", "required", "default"), ENVIRONMENT)
def test_the_environment_an_image_reads(
    image: str, name: str, secret: bool, required: bool, default: str | None
) -> None:
    facts = facts_for(image)
    assert facts is not None
    variable = facts.variable(name)
    assert variable is not None
    assert (variable.secret, variable.required, variable.default) == (secret, required, default)


def test_redis_reads_no_password_variable() -> None:
    facts = facts_for("redis:7.4")
    assert facts is not None
    assert facts.variable("REDIS_PASSWORD") is None


@pytest.mark.parametrize(
    ("image", "health"),
    [
        ("postgres:16", ("pg_isready", "-U", "postgres")),
        ("mariadb:11.4", ("healthcheck.sh", "--connect", "--innodb_initialized")),
        ("mongo:4.4", ("mongo", "--quiet", "--eval", "db.adminCommand('ping')")),
        ("mongo:7.0", ("mongosh", "--quiet", "--eval", "db.adminCommand('ping')")),
        ("redis:7.4", ("redis-cli", "ping")),
        ("rabbitmq:3.13", ("rabbitmq-diagnostics", "-q", "ping")),
        ("elasticsearch:8.15.0", (9200, "/_cluster/health")),
        ("grafana/grafana:11.2.0", (3000, "/api/health")),
        ("prom/prometheus:v2.54.1", (9090, "/-/healthy")),
        ("dpage/pgadmin4:8.11", (80, "/misc/ping")),
        ("mher/flower:2.0", (5555, "/healthcheck")),
    ],
)
def test_how_to_ask_an_image_whether_it_is_healthy(image: str, health: tuple[object, ...]) -> None:
    facts = facts_for(image)
    assert facts is not None
    first = facts.health[0]
    assert (first.command or (first.port, first.path)) == health


@pytest.mark.parametrize(
    ("reference", "image", "variant", "version"),
    [
        ("docker.io/library/python:3.12-slim-bookworm", "python", "slim", "3.12"),
        ("index.docker.io/library/python:3.12", "python", "debian", "3.12"),
        ("library/python:3.12-alpine", "python", "alpine", "3.12"),
        ("python@sha256:0123456789abcdef", "python", "debian", None),
        ("python:3.12-slim@sha256:0123456789abcdef", "python", "slim", "3.12"),
        ("postgres:16-alpine", "postgres", "alpine", "16"),
        ("postgres:16.4-bookworm", "postgres", "debian", "16.4"),
        ("traefik:v3.1", "traefik", "alpine", "3.1"),
        ("rabbitmq:management", "rabbitmq", "management", None),
        ("rabbitmq:4-management-alpine", "rabbitmq", "management-alpine", "4"),
        ("node:20-bookworm-slim", "node", "slim", "20"),
        ("node:lts", "node", "debian", None),
        ("redis:7.4-amd64", "redis", "debian", "7.4"),
        ("grafana/grafana-oss:latest", "grafana", "alpine", None),
        ("grafana/grafana-enterprise:11.2.0-ubuntu", "grafana", "ubuntu", "11.2.0"),
        ("gcr.io/distroless/base-nossl-debian12:debug", "distroless", "base debug", None),
        ("gcr.io/distroless/nodejs22-debian12:nonroot", "distroless", "nodejs nonroot", None),
        ("mongo-express:1.0.2-20-alpine3.19", "mongo-express", "alpine", "1.0.2"),
        ("ubuntu:jammy-20240911", "ubuntu", "ubuntu", None),
        ("scratch", "scratch", "scratch", None),
    ],
)
def test_references_are_read_with_their_registry_variant_and_version(
    reference: str, image: str, variant: str, version: str | None
) -> None:
    facts = facts_for(reference)
    assert facts is not None
    assert (facts.image, facts.variant, facts.version) == (image, variant, version)


def test_an_image_ref_and_a_name_with_a_tag_are_looked_up_alike() -> None:
    assert facts_for(parse_image("postgres:18-alpine")) == facts_for("postgres:18-alpine")
    assert facts_for("postgres", "18-alpine") == facts_for("postgres:18-alpine")
    assert facts_for(parse_image("postgres:16"), "18") == facts_for("postgres:18")


@pytest.mark.parametrize(
    "reference",
    [
        "python:3.12-windowsservercore-ltsc2022",  # a variant the table does not describe
        "mongo:7.0-windowsservercore",
        "eclipse-temurin:21-jre-ubi9-minimal",
        "caddy:2-builder",
        "mysql:8.0-debian",
        "python:${PYTHON_VERSION}-slim",  # an unresolved build argument
        "bitnami/postgresql:16",  # not the official image
        "myregistry.example.com/postgres:16",
        "flower:2.0",  # Flower is published as mher/flower, not as a library image
        "gcr.io/google-containers/pause:3.9",
        "mycompany/api:1.4.2",
    ],
)
def test_images_and_variants_the_table_does_not_hold_have_no_facts(reference: str) -> None:
    assert facts_for(reference) is None


def test_every_entry_names_its_source_and_never_says_a_program_is_both_present_and_absent() -> None:
    from dockwright.data.images import _CATALOGUE

    for entry in _CATALOGUE.values():
        for variant in entry.variants:
            assert not (variant.facts.on_path & variant.facts.not_on_path), (variant.facts.image, variant.flags)
            assert variant.facts.source.startswith("https://"), (variant.facts.image, variant.flags)
