"""What well-known images provide: the programs on their PATH, their user and working directory, the ports their
servers listen on, their data directories, health endpoints, the environment they read and their default logins.

One table, for every rule that must know an image to judge a file: a health check calling `curl` on a slim image,
a volume mounted beside Postgres' data directory, Grafana's admin password left at its default, a published port
that is an admin UI. Each entry names the Dockerfile or documentation page it was checked against. A program in
neither `on_path` nor `not_on_path` is unknown, and rules stay quiet about unknowns: an entry only says what its
source shows.

Look-ups go through :func:`facts_for`, which reads registry prefixes, tags with variants (`3.12-slim-bookworm`,
`16-alpine`, `3.13-management-alpine`), digests and the major version where a fact depends on it (the data
directory of postgres 18, the shell of mongo 6, the default security of elasticsearch 8). A tag without a version
(`latest`, `alpine`, a digest alone) gets the facts of the newest release. A variant the table does not describe
(Windows, UBI, a builder image) gets None rather than the facts of another variant.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace

from dockwright.dockerfile.image import ImageRef, parse_image

TABLE_UPDATED = dt.date(2026, 12, 1)

ROOT = "root"


@dataclass(frozen=True)
class Port:
    number: int
    purpose: str
    protocol: str = "tcp"
    admin: bool = False  # an administration UI or API: whoever reaches it controls the service
    variable: str | None = None  # the environment variable that moves it to another port


@dataclass(frozen=True)
class HealthCheck:
    """How to ask the server whether it is healthy: a command run in the container, or an HTTP path on a port."""

    command: tuple[str, ...] = ()
    port: int | None = None
    path: str | None = None


@dataclass(frozen=True)
class EnvVar:
    name: str
    purpose: str
    secret: bool = False
    required: bool = False  # the container refuses to start (or to initialise) without it
    default: str | None = None


@dataclass(frozen=True)
class DefaultLogin:
    """The account the image creates when its variables are left unset."""

    user_variable: str | None
    password_variable: str
    user: str
    password: str


@dataclass(frozen=True)
class ImageFacts:
    image: str  # the product, e.g. "postgres" for `docker.io/library/postgres:16-alpine`
    variant: str  # e.g. "debian", "slim", "alpine", "management"
    source: str  # the Dockerfile or documentation page these facts were checked against
    on_path: frozenset[str] = frozenset()
    not_on_path: frozenset[str] = frozenset()
    user: str = ROOT  # the USER the image sets
    server_user: str | None = None  # who the server runs as once the entrypoint steps down (gosu), if not `user`
    workdir: str = "/"
    ports: tuple[Port, ...] = ()
    data_dirs: tuple[str, ...] = ()  # where a volume must be mounted for the data to outlive the container
    health: tuple[HealthCheck, ...] = ()
    environment: tuple[EnvVar, ...] = ()  # the variables that matter to a review, not every one the image reads
    default_login: DefaultLogin | None = None
    open_without_credentials: bool = False  # a client needs no password unless the configuration sets one
    version: str | None = None  # the version the tag names; None for `latest`, a bare variant or a digest
    # The VOLUMEs the image declares: Docker mounts an anonymous volume there unless something else is, which
    # hides what a volume mounted at a parent directory holds at that path.
    volumes: tuple[str, ...] = ()
    # What moves the data directory: a variable (PGDATA) or a server flag (`--storage.tsdb.path`).
    data_dir_variable: str | None = None
    data_dir_flags: tuple[str, ...] = ()
    # A cache: its data directory matters only when one of these flags turns persistence on (`--appendonly
    # yes`, `--save 60 1`; `--save ""` and `no` keep it off).
    persistence_flags: tuple[str, ...] = ()
    # Settings that put a login in front of an admin UI the image serves open: variables, or command flags.
    login_variables: tuple[str, ...] = ()
    login_flags: tuple[str, ...] = ()
    # The admin UI logs in with the credentials of the database it manages (phpMyAdmin, Adminer): whoever
    # reaches it can try them.
    database_login: bool = False

    def has(self, program: str) -> bool | None:
        """Whether ``program`` is on the PATH: True, False, or None when the source does not say."""
        if program in self.on_path:
            return True
        if program in self.not_on_path:
            return False
        return None

    def port(self, number: int) -> Port | None:
        return next((p for p in self.ports if p.number == number), None)

    @property
    def admin_ports(self) -> tuple[Port, ...]:
        return tuple(p for p in self.ports if p.admin)

    def variable(self, name: str) -> EnvVar | None:
        return next((v for v in self.environment if v.name == name), None)


@dataclass(frozen=True)
class _Variant:
    flags: frozenset[str]  # the tag flags that select it (the variant whose flags the tag covers most wins)
    facts: ImageFacts
    since_major: int | None = None
    before_major: int | None = None


@dataclass(frozen=True)
class _Image:
    variants: tuple[_Variant, ...]
    # Tag words that name no different content (`bookworm` on python, `jre` on eclipse-temurin).
    neutral: frozenset[str] = field(default_factory=frozenset)

    @property
    def known_flags(self) -> frozenset[str]:
        return self.neutral.union(*(v.flags for v in self.variants))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _variant(flags: str, facts: ImageFacts, since: int | None = None, before: int | None = None) -> _Variant:
    return _Variant(_words(flags), facts, since, before)


# -- sources --------------------------------------------------------------------------------------------------

_LIBRARY = "https://github.com/docker-library"
_PYTHON_SRC = f"{_LIBRARY}/python/blob/master/3.12"
_NODE_SRC = "https://github.com/nodejs/docker-node/blob/main/22"
_GOLANG_SRC = f"{_LIBRARY}/golang/blob/master/1.23"
_TEMURIN_SRC = "https://github.com/adoptium/containers/blob/main/21/jre"
_OPENJDK_SRC = f"{_LIBRARY}/openjdk/blob/master/21/jdk"
_NGINX_SRC = "https://github.com/nginx/docker-nginx/blob/master/mainline"
_POSTGRES_SRC = f"{_LIBRARY}/postgres/blob/master"
_RABBITMQ_SRC = f"{_LIBRARY}/rabbitmq/blob/master/4.1"
_ELASTIC_SRC = "https://github.com/elastic/dockerfiles/blob"

# -- what base systems put on the PATH ------------------------------------------------------------------------

# Full Debian variants of the language images build on buildpack-deps:<codename>-scm: curl, wget, git, and
# python3 (mercurial's dependency).
_BUILDPACK_ON = "sh bash curl wget git python3"
_SLIM_ON = "sh bash"
_SLIM_OFF = "curl wget git"
# Alpine has BusyBox's `sh` and `wget` applets, and neither bash nor curl.
_ALPINE_ON = "sh wget"
_ALPINE_OFF = "bash curl git"
_NO_PYTHON = "python python3 pip pip3"
_NO_SHELL = "sh bash curl wget git python python3 pip pip3"

# -- language images --------------------------------------------------------------------------------------------

_PYTHON_ON = "python python3 pip pip3"
_PYTHON = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "python",
                "debian",
                f"{_PYTHON_SRC}/bookworm/Dockerfile",
                on_path=_words(f"{_PYTHON_ON} {_BUILDPACK_ON}"),
            ),
        ),
        _variant(
            "slim",
            ImageFacts(
                "python",
                "slim",
                f"{_PYTHON_SRC}/slim-bookworm/Dockerfile",
                on_path=_words(f"{_PYTHON_ON} {_SLIM_ON}"),
                not_on_path=_words(_SLIM_OFF),
            ),
        ),
        _variant(
            "alpine",
            ImageFacts(
                "python",
                "alpine",
                f"{_PYTHON_SRC}/alpine3.22/Dockerfile",
                on_path=_words(f"{_PYTHON_ON} {_ALPINE_ON}"),
                not_on_path=_words(_ALPINE_OFF),
            ),
        ),
    ),
    neutral=_words("debian rc"),
)

_NODE_ON = "node npm npx"
_NODE = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "node", "debian", f"{_NODE_SRC}/bookworm/Dockerfile", on_path=_words(f"{_NODE_ON} {_BUILDPACK_ON}")
            ),
        ),
        _variant(
            "slim",
            ImageFacts(
                "node",
                "slim",
                f"{_NODE_SRC}/bookworm-slim/Dockerfile",
                on_path=_words(f"{_NODE_ON} {_SLIM_ON}"),
                not_on_path=_words(f"{_SLIM_OFF} {_NO_PYTHON}"),
            ),
        ),
        _variant(
            "alpine",
            ImageFacts(
                "node",
                "alpine",
                f"{_NODE_SRC}/alpine3.22/Dockerfile",
                on_path=_words(f"{_NODE_ON} {_ALPINE_ON}"),
                not_on_path=_words(f"{_ALPINE_OFF} {_NO_PYTHON}"),
            ),
        ),
    ),
    neutral=_words("debian lts current argon boron carbon dubnium erbium fermium gallium hydrogen iron jod krypton"),
)

_GOLANG = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "golang",
                "debian",
                f"{_GOLANG_SRC}/bookworm/Dockerfile",
                on_path=_words(f"go {_BUILDPACK_ON}"),
                workdir="/go",
            ),
        ),
        _variant(
            "alpine",
            ImageFacts(
                "golang",
                "alpine",
                f"{_GOLANG_SRC}/alpine3.22/Dockerfile",
                on_path=_words(f"go {_ALPINE_ON}"),
                not_on_path=_words(f"{_ALPINE_OFF} {_NO_PYTHON}"),
                workdir="/go",
            ),
        ),
    ),
    neutral=_words("debian"),
)

_TEMURIN = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "eclipse-temurin",
                "ubuntu",
                f"{_TEMURIN_SRC}/ubuntu/noble/Dockerfile",
                on_path=_words("java sh bash curl wget"),
                not_on_path=_words(f"git {_NO_PYTHON}"),
            ),
        ),
        _variant(
            "alpine",
            ImageFacts(
                "eclipse-temurin",
                "alpine",
                f"{_TEMURIN_SRC}/alpine/3.22/Dockerfile",
                on_path=_words(f"java {_ALPINE_ON}"),
                not_on_path=_words(f"{_ALPINE_OFF} {_NO_PYTHON}"),
            ),
        ),
    ),
    neutral=_words("ubuntu jdk jre"),
)

# openjdk (deprecated upstream): the codename variants build on buildpack-deps, the default tag of 17+ on Oracle
# Linux (not described here beyond java and a shell).
_OPENJDK = _Image(
    (
        _variant(
            "",
            ImageFacts("openjdk", "oraclelinux", "https://hub.docker.com/_/openjdk", on_path=_words("java sh bash")),
        ),
        _variant(
            "debian",
            ImageFacts(
                "openjdk", "debian", f"{_OPENJDK_SRC}/bookworm/Dockerfile", on_path=_words(f"java {_BUILDPACK_ON}")
            ),
        ),
        _variant(
            "slim",
            ImageFacts(
                "openjdk",
                "slim",
                f"{_OPENJDK_SRC}/slim-bookworm/Dockerfile",
                on_path=_words(f"java {_SLIM_ON}"),
                not_on_path=_words(f"{_SLIM_OFF} {_NO_PYTHON}"),
            ),
        ),
        _variant(
            "alpine",
            ImageFacts(
                "openjdk",
                "alpine",
                f"{_LIBRARY}/openjdk/blob/master/15/jdk/alpine/Dockerfile",
                on_path=_words(f"java {_ALPINE_ON}"),
                not_on_path=_words(f"{_ALPINE_OFF} {_NO_PYTHON}"),
            ),
        ),
    ),
    neutral=_words("jdk jre ea oraclelinux"),
)

# -- web servers and proxies ------------------------------------------------------------------------------------

_HTTP = Port(80, "HTTP")
_HTTPS = Port(443, "HTTPS")

_NGINX = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "nginx",
                "debian",
                f"{_NGINX_SRC}/debian/Dockerfile",
                on_path=_words("nginx sh bash curl"),
                not_on_path=_words(_NO_PYTHON),
                server_user="nginx",
                ports=(_HTTP,),
            ),
        ),
        _variant(
            "alpine",
            ImageFacts(
                "nginx",
                "alpine",
                f"{_NGINX_SRC}/alpine/Dockerfile",
                on_path=_words(f"nginx {_ALPINE_ON}"),
                not_on_path=_words(f"bash {_NO_PYTHON}"),
                server_user="nginx",
                ports=(_HTTP,),
            ),
        ),
        _variant(
            "alpine slim",
            ImageFacts(
                "nginx",
                "alpine-slim",
                f"{_NGINX_SRC}/alpine-slim/Dockerfile",
                on_path=_words(f"nginx {_ALPINE_ON}"),
                not_on_path=_words(f"bash {_NO_PYTHON}"),
                server_user="nginx",
                ports=(_HTTP,),
            ),
        ),
    ),
    neutral=_words("debian mainline stable perl otel"),
)

_HTTPD = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "httpd",
                "debian",
                f"{_LIBRARY}/httpd/blob/master/2.4/Dockerfile",
                on_path=_words("httpd sh bash"),
                not_on_path=_words(_NO_PYTHON),
                server_user="www-data",
                workdir="/usr/local/apache2",
                ports=(_HTTP,),
            ),
        ),
        _variant(
            "alpine",
            ImageFacts(
                "httpd",
                "alpine",
                f"{_LIBRARY}/httpd/blob/master/2.4/alpine/Dockerfile",
                on_path=_words(f"httpd {_ALPINE_ON}"),
                not_on_path=_words(_NO_PYTHON),
                server_user="www-data",
                workdir="/usr/local/apache2",
                ports=(_HTTP,),
            ),
        ),
    ),
    neutral=_words("debian"),
)

_CADDY = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "caddy",
                "alpine",
                "https://github.com/caddyserver/caddy-docker/blob/master/2.10/alpine/Dockerfile",
                on_path=_words(f"caddy {_ALPINE_ON}"),
                not_on_path=_words(f"{_ALPINE_OFF} {_NO_PYTHON}"),
                workdir="/srv",
                ports=(
                    _HTTP,
                    _HTTPS,
                    Port(443, "HTTP/3", protocol="udp"),
                    # The admin API listens on localhost:2019 unless the Caddyfile's `admin` option moves it.
                    Port(2019, "admin API (localhost only by default)", admin=True),
                ),
                data_dirs=("/data", "/config"),
                volumes=("/config", "/data"),
            ),
        ),
    ),
    neutral=_words("alpine"),
)

_TRAEFIK = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "traefik",
                "alpine",
                "https://github.com/traefik/traefik-library-image/blob/master/v3.6/alpine/Dockerfile",
                on_path=_words(f"traefik {_ALPINE_ON}"),
                not_on_path=_words(f"{_ALPINE_OFF} {_NO_PYTHON}"),
                ports=(
                    _HTTP,
                    # The dashboard and API: served on the `traefik` entry point when `--api.insecure` is set.
                    Port(8080, "dashboard and API (--api.insecure)", admin=True),
                ),
                health=(
                    HealthCheck(command=("traefik", "healthcheck", "--ping")),
                    HealthCheck(port=8080, path="/ping"),
                ),
            ),
        ),
    ),
    neutral=_words("alpine"),
)

# -- databases, caches and brokers ----------------------------------------------------------------------------

_POSTGRES_ENV = (
    EnvVar(
        "POSTGRES_PASSWORD",
        "superuser password (or POSTGRES_PASSWORD_FILE); initdb refuses to run without it unless "
        "POSTGRES_HOST_AUTH_METHOD=trust",
        secret=True,
        required=True,
    ),
    EnvVar("POSTGRES_USER", "superuser name", default="postgres"),
    EnvVar("POSTGRES_DB", "database created on first start (defaults to POSTGRES_USER)"),
    EnvVar("POSTGRES_HOST_AUTH_METHOD", "pg_hba auth method for host connections; `trust` disables passwords"),
    EnvVar("POSTGRES_INITDB_ARGS", "extra initdb arguments"),
)
_POSTGRES_COMMON = ImageFacts(
    "postgres",
    "debian",
    "",
    data_dir_variable="PGDATA",
    data_dir_flags=("-D",),
    server_user="postgres",
    ports=(Port(5432, "PostgreSQL"),),
    health=(HealthCheck(command=("pg_isready", "-U", "postgres")),),
)
_POSTGRES_DEBIAN = replace(
    _POSTGRES_COMMON,
    on_path=_words("postgres psql pg_isready sh bash"),
    # wget fetches gosu and is purged again in the same RUN.
    not_on_path=_words(f"curl wget {_NO_PYTHON}"),
)
_POSTGRES_ALPINE = replace(
    _POSTGRES_COMMON,
    variant="alpine",
    on_path=_words(f"postgres psql pg_isready bash {_ALPINE_ON}"),
    not_on_path=_words(f"curl {_NO_PYTHON}"),
)
# Before 18 the data directory (PGDATA and the VOLUME) is /var/lib/postgresql/data. From 18 PGDATA is
# /var/lib/postgresql/<major>/docker and the VOLUME is /var/lib/postgresql: a mount at .../data is refused.
_DATA_BEFORE_18 = ("/var/lib/postgresql/data",)
_ENV_BEFORE_18 = (*_POSTGRES_ENV, EnvVar("PGDATA", "data directory", default="/var/lib/postgresql/data"))
_DATA_FROM_18 = ("/var/lib/postgresql",)
_ENV_FROM_18 = (*_POSTGRES_ENV, EnvVar("PGDATA", "data directory", default="/var/lib/postgresql/{major}/docker"))
_POSTGRES = _Image(
    (
        _variant(
            "",
            replace(
                _POSTGRES_DEBIAN,
                source=f"{_POSTGRES_SRC}/17/bookworm/Dockerfile",
                data_dirs=_DATA_BEFORE_18,
                volumes=_DATA_BEFORE_18,
                environment=_ENV_BEFORE_18,
            ),
            before=18,
        ),
        _variant(
            "",
            replace(
                _POSTGRES_DEBIAN,
                source=f"{_POSTGRES_SRC}/18/trixie/Dockerfile",
                data_dirs=_DATA_FROM_18,
                volumes=_DATA_FROM_18,
                environment=_ENV_FROM_18,
            ),
            since=18,
        ),
        _variant(
            "alpine",
            replace(
                _POSTGRES_ALPINE,
                source=f"{_POSTGRES_SRC}/17/alpine3.22/Dockerfile",
                data_dirs=_DATA_BEFORE_18,
                volumes=_DATA_BEFORE_18,
                environment=_ENV_BEFORE_18,
            ),
            before=18,
        ),
        _variant(
            "alpine",
            replace(
                _POSTGRES_ALPINE,
                source=f"{_POSTGRES_SRC}/18/alpine3.22/Dockerfile",
                data_dirs=_DATA_FROM_18,
                volumes=_DATA_FROM_18,
                environment=_ENV_FROM_18,
            ),
            since=18,
        ),
    ),
    neutral=_words("debian"),
)

_MYSQL = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "mysql",
                "oracle",
                f"{_LIBRARY}/mysql/blob/master/8.4/Dockerfile.oracle",
                on_path=_words("mysqld mysql mysqladmin mysqlsh sh bash curl"),
                server_user="mysql",
                ports=(Port(3306, "MySQL"), Port(33060, "MySQL X Protocol")),
                data_dirs=("/var/lib/mysql",),
                volumes=("/var/lib/mysql",),
                data_dir_flags=("--datadir",),
                health=(HealthCheck(command=("mysqladmin", "ping", "-h", "localhost")),),
                environment=(
                    EnvVar(
                        "MYSQL_ROOT_PASSWORD",
                        "root password; required unless MYSQL_ALLOW_EMPTY_PASSWORD or MYSQL_RANDOM_ROOT_PASSWORD",
                        secret=True,
                        required=True,
                    ),
                    EnvVar("MYSQL_DATABASE", "database created on first start"),
                    EnvVar("MYSQL_USER", "user created on first start"),
                    EnvVar("MYSQL_PASSWORD", "password of MYSQL_USER", secret=True),
                    EnvVar("MYSQL_ALLOW_EMPTY_PASSWORD", "let root have no password"),
                    EnvVar("MYSQL_RANDOM_ROOT_PASSWORD", "generate the root password and print it"),
                ),
            ),
        ),
    ),
    neutral=_words("oracle oraclelinux lts innovation"),
)

_MARIADB_ENV = (
    EnvVar(
        "MARIADB_ROOT_PASSWORD",
        "root password (MYSQL_ROOT_PASSWORD is read too); required unless an empty or random one is allowed",
        secret=True,
        required=True,
    ),
    EnvVar("MYSQL_ROOT_PASSWORD", "root password, older name of MARIADB_ROOT_PASSWORD", secret=True),
    EnvVar("MARIADB_DATABASE", "database created on first start"),
    EnvVar("MARIADB_USER", "user created on first start"),
    EnvVar("MARIADB_PASSWORD", "password of MARIADB_USER", secret=True),
)
_MARIADB_COMMON = ImageFacts(
    "mariadb",
    "ubuntu",
    "",
    server_user="mysql",
    ports=(Port(3306, "MariaDB"),),
    data_dirs=("/var/lib/mysql",),
    volumes=("/var/lib/mysql",),
    data_dir_flags=("--datadir",),
    health=(HealthCheck(command=("healthcheck.sh", "--connect", "--innodb_initialized")),),
    environment=_MARIADB_ENV,
)
_MARIADB = _Image(
    (
        _variant(
            "",
            replace(
                _MARIADB_COMMON,
                source="https://github.com/MariaDB/mariadb-docker/blob/master/10.11/Dockerfile",
                on_path=_words("mariadbd mariadb mariadb-admin mysql mysqladmin healthcheck.sh sh bash"),
                not_on_path=_words(f"curl wget {_NO_PYTHON}"),
            ),
            before=11,
        ),
        # 11.0 dropped the mysql* compatibility names from the image (mariadb-docker#512).
        _variant(
            "",
            replace(
                _MARIADB_COMMON,
                source="https://github.com/MariaDB/mariadb-docker/blob/master/11.4/Dockerfile",
                on_path=_words("mariadbd mariadb mariadb-admin healthcheck.sh sh bash"),
                not_on_path=_words(f"mysql mysqladmin curl wget {_NO_PYTHON}"),
            ),
            since=11,
        ),
    ),
    neutral=_words("ubuntu lts"),
)

_MONGO_COMMON = ImageFacts(
    "mongo",
    "ubuntu",
    "",
    server_user="mongodb",
    ports=(Port(27017, "MongoDB"),),
    data_dirs=("/data/db", "/data/configdb"),
    volumes=("/data/db", "/data/configdb"),
    data_dir_flags=("--dbpath",),
    environment=(
        EnvVar("MONGO_INITDB_ROOT_USERNAME", "root user created on first start; without it auth is off"),
        EnvVar("MONGO_INITDB_ROOT_PASSWORD", "password of the root user", secret=True),
        EnvVar("MONGO_INITDB_DATABASE", "database the init scripts run against"),
    ),
    # Without MONGO_INITDB_ROOT_USERNAME/PASSWORD mongod runs without access control.
    open_without_credentials=True,
)
_MONGOSH_PING = HealthCheck(command=("mongosh", "--quiet", "--eval", "db.adminCommand('ping')"))
_MONGO = _Image(
    (
        _variant(
            "",
            replace(
                _MONGO_COMMON,
                source=f"{_LIBRARY}/mongo/blob/master/4.4/Dockerfile",
                on_path=_words("mongod mongo sh bash"),
                not_on_path=_words(f"mongosh curl wget {_NO_PYTHON}"),
                health=(HealthCheck(command=("mongo", "--quiet", "--eval", "db.adminCommand('ping')")),),
            ),
            before=5,
        ),
        _variant(
            "",
            replace(
                _MONGO_COMMON,
                source=f"{_LIBRARY}/mongo/blob/master/5.0/Dockerfile",
                on_path=_words("mongod mongo mongosh sh bash"),
                not_on_path=_words(f"curl wget {_NO_PYTHON}"),
                health=(_MONGOSH_PING,),
            ),
            since=5,
            before=6,
        ),
        # 6.0 removed the legacy `mongo` shell.
        _variant(
            "",
            replace(
                _MONGO_COMMON,
                source=f"{_LIBRARY}/mongo/blob/master/8.0/Dockerfile",
                on_path=_words("mongod mongosh sh bash"),
                not_on_path=_words(f"mongo curl wget {_NO_PYTHON}"),
                health=(_MONGOSH_PING,),
            ),
            since=6,
        ),
    ),
    neutral=_words("ubuntu"),
)

_REDIS_COMMON = ImageFacts(
    "redis",
    "debian",
    "",
    server_user="redis",
    workdir="/data",
    ports=(Port(6379, "Redis"),),
    data_dirs=("/data",),
    volumes=("/data",),
    data_dir_flags=("--dir",),
    persistence_flags=("--appendonly", "--save"),
    health=(HealthCheck(command=("redis-cli", "ping")),),
    # The image reads no password variable (REDIS_PASSWORD belongs to other images): a password needs
    # `--requirepass` or a config file. Protected mode is compiled off, so without one any client gets in.
    open_without_credentials=True,
)
_REDIS = _Image(
    (
        _variant(
            "",
            replace(
                _REDIS_COMMON,
                source="https://github.com/redis/docker-library-redis/blob/master/7.4/debian/Dockerfile",
                on_path=_words("redis-server redis-cli sh bash"),
                not_on_path=_words(f"curl wget {_NO_PYTHON}"),
            ),
        ),
        _variant(
            "alpine",
            replace(
                _REDIS_COMMON,
                variant="alpine",
                source="https://github.com/redis/docker-library-redis/blob/master/7.4/alpine/Dockerfile",
                on_path=_words(f"redis-server redis-cli {_ALPINE_ON}"),
                not_on_path=_words(f"curl {_NO_PYTHON}"),
            ),
        ),
    ),
    neutral=_words("debian"),
)

_ES_COMMON = ImageFacts(
    "elasticsearch",
    "ubuntu",
    "",
    user="1000",
    workdir="/usr/share/elasticsearch",
    ports=(Port(9200, "REST API"), Port(9300, "transport (node to node)")),
    data_dirs=("/usr/share/elasticsearch/data",),
    health=(HealthCheck(port=9200, path="/_cluster/health"),),
    environment=(
        EnvVar("ES_JAVA_OPTS", "JVM options, e.g. heap size -Xms512m -Xmx512m"),
        EnvVar("ELASTIC_PASSWORD", "password of the `elastic` superuser", secret=True),
        EnvVar("discovery.type", "`single-node` for a one-node cluster"),
        EnvVar("xpack.security.enabled", "authentication and TLS (on by default from 8.0)"),
    ),
)
_ELASTICSEARCH = _Image(
    (
        _variant(
            "",
            replace(
                _ES_COMMON,
                source=f"{_ELASTIC_SRC}/7.17/elasticsearch/Dockerfile",
                on_path=_words("elasticsearch sh bash curl"),
                open_without_credentials=True,  # security is off unless xpack.security.enabled=true
            ),
            before=8,
        ),
        _variant(
            "",
            replace(
                _ES_COMMON,
                source=f"{_ELASTIC_SRC}/8.15/elasticsearch/Dockerfile",
                on_path=_words("elasticsearch sh bash curl"),
                not_on_path=_words(f"wget {_NO_PYTHON}"),
            ),
            since=8,
            before=9,
        ),
        # The 9.x images are built on another base; only what their documentation states is kept.
        _variant(
            "",
            replace(
                _ES_COMMON,
                source="https://www.elastic.co/docs/deploy-manage/deploy/self-managed/install-elasticsearch-docker-basic",
                on_path=_words("elasticsearch sh"),
            ),
            since=9,
        ),
    ),
)

_KIBANA_COMMON = ImageFacts(
    "kibana",
    "ubuntu",
    "",
    user="1000",
    workdir="/usr/share/kibana",
    ports=(Port(5601, "Kibana UI"),),
    data_dirs=("/usr/share/kibana/data",),
    health=(HealthCheck(port=5601, path="/api/status"),),
    environment=(
        EnvVar("ELASTICSEARCH_HOSTS", "Elasticsearch URLs", default="http://elasticsearch:9200"),
        EnvVar("ELASTICSEARCH_USERNAME", "user Kibana connects as"),
        EnvVar("ELASTICSEARCH_PASSWORD", "password of ELASTICSEARCH_USERNAME", secret=True),
        EnvVar("ELASTICSEARCH_SERVICEACCOUNTTOKEN", "service account token", secret=True),
    ),
)
_KIBANA = _Image(
    (
        _variant(
            "",
            replace(_KIBANA_COMMON, source=f"{_ELASTIC_SRC}/7.17/kibana/Dockerfile", on_path=_words("kibana sh bash")),
            before=8,
        ),
        _variant(
            "",
            replace(
                _KIBANA_COMMON,
                source=f"{_ELASTIC_SRC}/8.15/kibana/Dockerfile",
                on_path=_words("kibana sh bash curl"),
                not_on_path=_words(_NO_PYTHON),
            ),
            since=8,
            before=9,
        ),
        _variant(
            "",
            replace(
                _KIBANA_COMMON,
                source="https://www.elastic.co/docs/deploy-manage/deploy/self-managed/install-kibana-with-docker",
                on_path=_words("kibana sh"),
            ),
            since=9,
        ),
    ),
)

_GUEST = DefaultLogin("RABBITMQ_DEFAULT_USER", "RABBITMQ_DEFAULT_PASS", "guest", "guest")
_RABBITMQ_PORTS = (
    Port(5672, "AMQP"),
    Port(5671, "AMQP over TLS"),
    Port(15692, "Prometheus metrics"),
    Port(25672, "inter-node and CLI"),
    Port(4369, "epmd"),
)
_MANAGEMENT_PORTS = (
    Port(15672, "management UI and HTTP API", admin=True),
    Port(15671, "management over TLS", admin=True),
)
_RABBITMQ_COMMON = ImageFacts(
    "rabbitmq",
    "ubuntu",
    f"{_RABBITMQ_SRC}/ubuntu/Dockerfile",
    on_path=_words("rabbitmq-server rabbitmqctl rabbitmq-diagnostics rabbitmq-plugins sh bash"),
    not_on_path=_words(f"curl wget {_NO_PYTHON}"),
    server_user="rabbitmq",
    ports=_RABBITMQ_PORTS,
    data_dirs=("/var/lib/rabbitmq",),
    volumes=("/var/lib/rabbitmq",),
    health=(HealthCheck(command=("rabbitmq-diagnostics", "-q", "ping")),),
    environment=(
        EnvVar("RABBITMQ_DEFAULT_USER", "user created on first start", default="guest"),
        EnvVar("RABBITMQ_DEFAULT_PASS", "password of RABBITMQ_DEFAULT_USER", secret=True, default="guest"),
        EnvVar("RABBITMQ_DEFAULT_VHOST", "virtual host created on first start", default="/"),
    ),
    # The image's 10-defaults.conf sets `loopback_users.guest = false`: guest/guest works from anywhere.
    default_login=_GUEST,
)
_RABBITMQ_ALPINE = replace(
    _RABBITMQ_COMMON,
    variant="alpine",
    source=f"{_RABBITMQ_SRC}/alpine/Dockerfile",
    on_path=_words(f"rabbitmq-server rabbitmqctl rabbitmq-diagnostics rabbitmq-plugins {_ALPINE_ON}"),
    not_on_path=_words(f"curl {_NO_PYTHON}"),
)
_RABBITMQ = _Image(
    (
        _variant("", _RABBITMQ_COMMON),
        _variant("alpine", _RABBITMQ_ALPINE),
        _variant(
            "management",
            replace(
                _RABBITMQ_COMMON,
                variant="management",
                source=f"{_RABBITMQ_SRC}/ubuntu/management/Dockerfile",
                # rabbitmqadmin is a Python script, so the management variant installs python3.
                on_path=_RABBITMQ_COMMON.on_path | _words("rabbitmqadmin python3"),
                not_on_path=_RABBITMQ_COMMON.not_on_path - {"python3"},
                ports=_RABBITMQ_PORTS + _MANAGEMENT_PORTS,
            ),
        ),
        _variant(
            "management alpine",
            replace(
                _RABBITMQ_ALPINE,
                variant="management-alpine",
                source=f"{_RABBITMQ_SRC}/alpine/management/Dockerfile",
                on_path=_RABBITMQ_ALPINE.on_path | _words("rabbitmqadmin python3"),
                not_on_path=_RABBITMQ_ALPINE.not_on_path - {"python3"},
                ports=_RABBITMQ_PORTS + _MANAGEMENT_PORTS,
            ),
        ),
    ),
    neutral=_words("ubuntu"),
)

# -- monitoring -------------------------------------------------------------------------------------------------

_GRAFANA_COMMON = ImageFacts(
    "grafana",
    "alpine",
    "https://github.com/grafana/grafana/blob/main/Dockerfile",
    on_path=_words(f"grafana bash curl {_ALPINE_ON}"),
    not_on_path=_words(_NO_PYTHON),
    user="472",
    workdir="/usr/share/grafana",
    ports=(Port(3000, "Grafana UI", variable="GF_SERVER_HTTP_PORT"),),
    data_dirs=("/var/lib/grafana",),
    health=(HealthCheck(port=3000, path="/api/health"),),
    environment=(
        EnvVar("GF_SECURITY_ADMIN_USER", "admin user", default="admin"),
        EnvVar("GF_SECURITY_ADMIN_PASSWORD", "admin password (or GF_SECURITY_ADMIN_PASSWORD__FILE)", secret=True),
        EnvVar("GF_SERVER_HTTP_PORT", "port the server listens on", default="3000"),
        EnvVar("GF_SERVER_ROOT_URL", "public URL, needed behind a reverse proxy with a sub-path"),
        EnvVar("GF_DATABASE_PASSWORD", "password of an external database", secret=True),
    ),
    default_login=DefaultLogin("GF_SECURITY_ADMIN_USER", "GF_SECURITY_ADMIN_PASSWORD", "admin", "admin"),
)
_GRAFANA = _Image(
    (
        _variant("", _GRAFANA_COMMON),
        _variant(
            "ubuntu",
            replace(
                _GRAFANA_COMMON,
                variant="ubuntu",
                on_path=_words("grafana sh bash curl"),
                not_on_path=frozenset(),
            ),
        ),
    ),
)

_PROMETHEUS = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "prometheus",
                "busybox",
                "https://github.com/prometheus/prometheus/blob/main/Dockerfile",
                on_path=_words(f"prometheus promtool {_ALPINE_ON}"),
                not_on_path=_words(f"{_ALPINE_OFF} {_NO_PYTHON}"),
                user="nobody",
                workdir="/prometheus",
                ports=(Port(9090, "Prometheus UI and API"),),
                data_dirs=("/prometheus",),
                volumes=("/prometheus",),
                data_dir_flags=("--storage.tsdb.path",),
                login_flags=("--web.config.file",),
                health=(HealthCheck(port=9090, path="/-/healthy"), HealthCheck(port=9090, path="/-/ready")),
                open_without_credentials=True,
            ),
        ),
    ),
    neutral=_words("main"),
)

# -- admin UIs ----------------------------------------------------------------------------------------------------

_MONGO_EXPRESS_COMMON = ImageFacts(
    "mongo-express",
    "alpine",
    "https://github.com/mongo-express/mongo-express-docker/blob/master/1.0/20-alpine3.19/Dockerfile",
    on_path=_words(f"node bash {_ALPINE_ON}"),
    not_on_path=_words(f"curl {_NO_PYTHON}"),
    workdir="/app",
    ports=(Port(8081, "mongo-express web UI", admin=True),),
    environment=(
        EnvVar("ME_CONFIG_MONGODB_URL", "MongoDB connection string", secret=True, default="mongodb://mongo:27017"),
        EnvVar("ME_CONFIG_BASICAUTH_USERNAME", "web UI user"),
        EnvVar("ME_CONFIG_BASICAUTH_PASSWORD", "web UI password", secret=True),
        EnvVar("ME_CONFIG_MONGODB_ADMINUSERNAME", "MongoDB admin user"),
        EnvVar("ME_CONFIG_MONGODB_ADMINPASSWORD", "MongoDB admin password", secret=True),
        EnvVar("ME_CONFIG_SITE_SESSIONSECRET", "cookie signing secret", secret=True, default="secret"),
    ),
)
_MONGO_EXPRESS = _Image(
    (
        # 0.x had basic auth off unless both variables were set.
        _variant("", replace(_MONGO_EXPRESS_COMMON, open_without_credentials=True), before=1),
        # 1.0 turns basic auth on with admin:pass and logs a warning about it.
        _variant(
            "",
            replace(
                _MONGO_EXPRESS_COMMON,
                default_login=DefaultLogin(
                    "ME_CONFIG_BASICAUTH_USERNAME", "ME_CONFIG_BASICAUTH_PASSWORD", "admin", "pass"
                ),
            ),
            since=1,
        ),
    ),
    neutral=_words("alpine"),
)

_PGADMIN = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "pgadmin4",
                "alpine",
                "https://github.com/pgadmin-org/pgadmin4/blob/master/Dockerfile",
                on_path=_words(f"python python3 bash {_ALPINE_ON}"),
                not_on_path=_words("curl"),
                user="5050",
                workdir="/pgadmin4",
                ports=(
                    Port(80, "pgAdmin web UI", admin=True, variable="PGADMIN_LISTEN_PORT"),
                    Port(443, "pgAdmin web UI over TLS", admin=True),
                ),
                data_dirs=("/var/lib/pgadmin",),
                volumes=("/var/lib/pgadmin",),
                health=(HealthCheck(port=80, path="/misc/ping"),),
                environment=(
                    EnvVar("PGADMIN_DEFAULT_EMAIL", "login of the initial admin", required=True),
                    EnvVar("PGADMIN_DEFAULT_PASSWORD", "password of the initial admin", secret=True, required=True),
                    EnvVar("PGADMIN_LISTEN_PORT", "port the server listens on", default="80"),
                ),
            ),
        ),
    ),
)

_FLOWER = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "flower",
                "alpine",
                "https://github.com/mher/flower/blob/master/Dockerfile",
                on_path=_words(f"celery python python3 pip {_ALPINE_ON}"),
                not_on_path=_words("curl bash"),
                user="flower",
                workdir="/data",
                ports=(Port(5555, "Flower web UI and API", admin=True, variable="FLOWER_PORT"),),
                health=(HealthCheck(port=5555, path="/healthcheck"),),
                environment=(
                    EnvVar("CELERY_BROKER_URL", "broker URL", secret=True),
                    EnvVar("FLOWER_BASIC_AUTH", "user:password for the UI; no authentication without it", secret=True),
                    EnvVar("FLOWER_PORT", "port the server listens on", default="5555"),
                ),
                open_without_credentials=True,
                login_variables=("FLOWER_BASIC_AUTH", "FLOWER_AUTH"),
                login_flags=("--basic_auth", "--basic-auth", "--auth"),
            ),
        ),
    ),
)

_PHPMYADMIN = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "phpmyadmin",
                "apache",
                "https://github.com/phpmyadmin/docker/blob/master/apache/Dockerfile",
                on_path=_words("php sh bash curl"),
                workdir="/var/www/html",
                ports=(Port(80, "phpMyAdmin web UI", admin=True, variable="APACHE_PORT"),),
                environment=(
                    EnvVar("PMA_HOST", "database server to manage"),
                    EnvVar("PMA_ARBITRARY", "`1` lets the login form name any server"),
                    EnvVar("PMA_USER", "user of the `config` authentication method (no login form)"),
                    EnvVar("PMA_PASSWORD", "password of PMA_USER", secret=True),
                ),
                database_login=True,
            ),
        ),
    ),
    neutral=_words("apache"),
)

_ADMINER = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "adminer",
                "alpine",
                "https://github.com/TimWolla/docker-adminer/blob/master/4/Dockerfile",
                on_path=_words(f"php {_ALPINE_ON}"),
                not_on_path=_words(f"curl {_NO_PYTHON}"),
                user="adminer",
                workdir="/var/www/html",
                # The default command is `php -S [::]:8080`.
                ports=(Port(8080, "Adminer web UI", admin=True),),
                environment=(EnvVar("ADMINER_DEFAULT_SERVER", "database server the login form proposes"),),
                database_login=True,
            ),
        ),
    ),
    neutral=_words("standalone fastcgi"),
)

# -- more servers -------------------------------------------------------------------------------------------------

_MEMCACHED = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "memcached",
                "debian",
                f"{_LIBRARY}/memcached/blob/master/1/debian/Dockerfile",
                on_path=_words("memcached sh bash"),
                not_on_path=_words(f"curl wget {_NO_PYTHON}"),
                user="memcache",
                ports=(Port(11211, "Memcached"),),
                open_without_credentials=True,
            ),
        ),
        _variant(
            "alpine",
            ImageFacts(
                "memcached",
                "alpine",
                f"{_LIBRARY}/memcached/blob/master/1/alpine/Dockerfile",
                on_path=_words(f"memcached {_ALPINE_ON}"),
                not_on_path=_words(f"bash curl {_NO_PYTHON}"),
                user="memcache",
                ports=(Port(11211, "Memcached"),),
                open_without_credentials=True,
            ),
        ),
    ),
    neutral=_words("debian"),
)

_MSSQL = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "mssql",
                "ubuntu",
                "https://learn.microsoft.com/en-us/sql/linux/sql-server-linux-docker-container-configure",
                user="mssql",
                ports=(Port(1433, "SQL Server"),),
                data_dirs=("/var/opt/mssql",),
                environment=(
                    EnvVar("ACCEPT_EULA", "must be `Y`: the server refuses to start otherwise", required=True),
                    EnvVar(
                        "MSSQL_SA_PASSWORD", "password of the `sa` administrator (SA_PASSWORD before 2019)", secret=True
                    ),
                ),
            ),
        ),
    ),
    neutral=_words("ubuntu cu1 cu2 cu3 cu4 cu5 cu6 cu7 cu8 cu9 cu10 cu11 cu12 cu13 cu14 cu15 cu16 cu17 cu18 cu19 cu20"),
)

_WORDPRESS = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "wordpress",
                "apache",
                f"{_LIBRARY}/wordpress/blob/master/latest/php8.3/apache/Dockerfile",
                on_path=_words("php sh bash"),
                server_user="www-data",
                workdir="/var/www/html",
                ports=(_HTTP,),
                volumes=("/var/www/html",),
            ),
        ),
    ),
    neutral=_words("apache"),
)

# -- base systems -----------------------------------------------------------------------------------------------

_ALPINE = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "alpine",
                "alpine",
                "https://github.com/alpinelinux/docker-alpine",
                on_path=_words(_ALPINE_ON),
                not_on_path=_words(f"{_ALPINE_OFF} {_NO_PYTHON}"),
            ),
        ),
    ),
    neutral=_words("edge"),
)
_DEBIAN = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "debian",
                "debian",
                "https://github.com/debuerreotype/docker-debian-artifacts",
                on_path=_words(_SLIM_ON),
                not_on_path=_words(f"{_SLIM_OFF} {_NO_PYTHON}"),
            ),
        ),
    ),
    neutral=_words("debian slim stable oldstable testing unstable sid backports"),
)
_UBUNTU = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "ubuntu",
                "ubuntu",
                "https://hub.docker.com/_/ubuntu",
                on_path=_words(_SLIM_ON),
                not_on_path=_words(f"{_SLIM_OFF} {_NO_PYTHON}"),
            ),
        ),
    ),
    neutral=_words("ubuntu rolling devel"),
)
_BUSYBOX = _Image(
    (
        _variant(
            "",
            ImageFacts(
                "busybox",
                "busybox",
                f"{_LIBRARY}/busybox",
                on_path=_words(_ALPINE_ON),
                not_on_path=_words(f"{_ALPINE_OFF} {_NO_PYTHON}"),
            ),
        ),
    ),
    neutral=_words("musl glibc uclibc stable unstable"),
)
_SCRATCH = _Image(
    (_variant("", ImageFacts("scratch", "scratch", "https://hub.docker.com/_/scratch", not_on_path=_words(_NO_SHELL))),)
)

# gcr.io/distroless/<flavour>-debian12: no shell or package manager; `:nonroot` runs as 65532 in
# /home/nonroot; `:debug` adds BusyBox's shell (at /busybox/sh).
_DISTROLESS_SRC = "https://github.com/GoogleContainerTools/distroless/blob/main/README.md"
_DISTROLESS_PROGRAMS = {"static": "", "base": "", "cc": "", "python3": "python3", "java": "java", "nodejs": ""}


def _distroless_variants() -> tuple[_Variant, ...]:
    variants = []
    for flavour, programs in _DISTROLESS_PROGRAMS.items():
        plain = ImageFacts(
            "distroless",
            flavour,
            _DISTROLESS_SRC,
            on_path=_words(programs),
            not_on_path=_words(_NO_SHELL) - _words(programs),
        )
        nonroot = replace(plain, user="65532", workdir="/home/nonroot")
        for tag_flags, facts in (("", plain), ("nonroot", nonroot)):
            variants.append(
                _variant(f"{flavour} {tag_flags}", replace(facts, variant=f"{flavour} {tag_flags}".strip()))
            )
            debug = replace(
                facts,
                variant=f"{flavour} debug {tag_flags}".strip(),
                on_path=facts.on_path | {"sh"},
                not_on_path=facts.not_on_path - {"sh", "wget"},
            )
            variants.append(_variant(f"{flavour} debug {tag_flags}", debug))
    return tuple(variants)


_DISTROLESS = _Image(_distroless_variants())

_CATALOGUE: dict[str, _Image] = {
    "python": _PYTHON,
    "node": _NODE,
    "golang": _GOLANG,
    "eclipse-temurin": _TEMURIN,
    "openjdk": _OPENJDK,
    "nginx": _NGINX,
    "httpd": _HTTPD,
    "caddy": _CADDY,
    "traefik": _TRAEFIK,
    "postgres": _POSTGRES,
    "mysql": _MYSQL,
    "mariadb": _MARIADB,
    "mongo": _MONGO,
    "redis": _REDIS,
    "elasticsearch": _ELASTICSEARCH,
    "kibana": _KIBANA,
    "rabbitmq": _RABBITMQ,
    "grafana": _GRAFANA,
    "prometheus": _PROMETHEUS,
    "mongo-express": _MONGO_EXPRESS,
    "pgadmin4": _PGADMIN,
    "flower": _FLOWER,
    "phpmyadmin": _PHPMYADMIN,
    "adminer": _ADMINER,
    "memcached": _MEMCACHED,
    "mssql": _MSSQL,
    "wordpress": _WORDPRESS,
    "alpine": _ALPINE,
    "debian": _DEBIAN,
    "ubuntu": _UBUNTU,
    "busybox": _BUSYBOX,
    "scratch": _SCRATCH,
    "distroless": _DISTROLESS,
}

# The entries that are Docker Hub library images (`docker.io/library/<name>`).
_LIBRARY_IMAGES = _words(
    "python node golang eclipse-temurin openjdk nginx httpd caddy traefik postgres mysql mariadb mongo redis "
    "elasticsearch kibana rabbitmq mongo-express alpine debian ubuntu busybox phpmyadmin adminer memcached wordpress"
)
# Images published outside Docker Hub's library, by registry and repository.
_PUBLISHED_AS = {
    "docker.io/grafana/grafana": "grafana",
    "docker.io/grafana/grafana-oss": "grafana",
    "docker.io/grafana/grafana-enterprise": "grafana",
    "docker.io/prom/prometheus": "prometheus",
    "quay.io/prometheus/prometheus": "prometheus",
    "docker.elastic.co/elasticsearch/elasticsearch": "elasticsearch",
    "docker.elastic.co/kibana/kibana": "kibana",
    "docker.io/mher/flower": "flower",
    "docker.io/dpage/pgadmin4": "pgadmin4",
    "docker.io/phpmyadmin/phpmyadmin": "phpmyadmin",
    "mcr.microsoft.com/mssql/server": "mssql",
}

# -- look-up ------------------------------------------------------------------------------------------------------

_VERSION = re.compile(r"^v?(\d+)(?:\.\d+)*")
_DEBIAN_CODENAMES = _words("jessie stretch buster bullseye bookworm trixie forky")
_UBUNTU_CODENAMES = _words("xenial bionic focal jammy noble oracular plucky questing")
_ARCHITECTURES = _words("amd64 arm64 arm64v8 arm32v7 armv7 i386 ppc64le s390x riscv64")
_DISTROLESS_FLAVOUR = re.compile(r"^distroless/(static|base|cc|python3|java|nodejs)")


def facts_for(image: str | ImageRef, tag: str | None = None) -> ImageFacts | None:
    """The facts of an image reference (``postgres:16-alpine``, ``docker.io/library/python@sha256:...``, an
    :class:`ImageRef`), or of a name and a tag given apart; None for an image or variant the table does not hold."""
    if isinstance(image, str) and tag is None:
        return _facts_of_text(image)
    return _facts(image, tag)


@functools.lru_cache(maxsize=256)
def _facts_of_text(image: str) -> ImageFacts | None:
    """:func:`facts_for` of a reference as written: compose files name the same few images again and again."""
    return _facts(image, None)


def _facts(image: str | ImageRef, tag: str | None) -> ImageFacts | None:
    if isinstance(image, ImageRef):
        ref = image if tag is None else replace(image, tag=tag)
    else:
        ref = parse_image(image if tag is None else f"{image}:{tag}")
    found = _product(ref)
    if found is None:
        return None
    product, flags = found
    entry = _CATALOGUE[product]
    text = (ref.tag or "latest").lower()
    if "$" in text:
        return None  # an unresolved build argument: the caller resolves it first
    version, major, tag_flags = _read_tag(text)
    flags = flags | tag_flags
    if flags - entry.known_flags:
        return None
    candidates = [
        v
        for v in entry.variants
        if v.flags <= flags and _in_era(v, major) and (major is not None or v.before_major is None)
    ]
    if not candidates:
        return None
    chosen = max(candidates, key=lambda v: len(v.flags))
    return _with_version(chosen.facts, version, major)


def products() -> list[str]:
    return sorted(_CATALOGUE)


def _product(ref: ImageRef) -> tuple[str, frozenset[str]] | None:
    """The catalogue entry a reference names, with the flags its repository name implies (distroless flavours)."""
    if ref.is_scratch:
        return "scratch", frozenset()
    if ref.registry == "gcr.io":
        match = _DISTROLESS_FLAVOUR.match(ref.repository)
        return ("distroless", frozenset({match.group(1)})) if match else None
    if ref.is_official:
        return (ref.name, frozenset()) if ref.name in _LIBRARY_IMAGES else None
    registry = "docker.io" if ref.effective_registry == "index.docker.io" else ref.effective_registry
    product = _PUBLISHED_AS.get(f"{registry}/{ref.repository}")
    return (product, frozenset()) if product else None


def _read_tag(tag: str) -> tuple[str | None, int | None, frozenset[str]]:
    """(version, major, flags) of a tag: ``3.12-slim-bookworm`` is ("3.12", 3, {"slim", "debian"})."""
    head, *rest = tag.split("-")
    match = _VERSION.match(head)
    words = rest if match else [head, *rest]
    # Numbers after the head are sub-versions (`1.0.2-20-alpine3.19` names node 20; `jammy-20240911` a date).
    flags = {_flag(w) for w in words if w and not w[0].isdigit()}
    flags.discard("")
    version = head.removeprefix("v") if match else None
    return version, int(match.group(1)) if match else None, frozenset(flags)


def _flag(word: str) -> str:
    if word.startswith("alpine"):
        return "alpine"
    if word.startswith("slim"):
        return "slim"
    if word in _DEBIAN_CODENAMES:
        return "debian"
    if word in _UBUNTU_CODENAMES:
        return "ubuntu"
    if word.startswith(("windowsservercore", "nanoserver", "windows", "ltsc")):
        return "windows"
    if word.startswith("oraclelinux"):
        return "oraclelinux"
    if word in _ARCHITECTURES or word == "latest":
        return ""
    return word


def _in_era(variant: _Variant, major: int | None) -> bool:
    if major is None:
        return True
    return (variant.since_major is None or major >= variant.since_major) and (
        variant.before_major is None or major < variant.before_major
    )


def _with_version(facts: ImageFacts, version: str | None, major: int | None) -> ImageFacts:
    """The facts with the tag's version, and version-shaped defaults (postgres 18's PGDATA) filled in."""
    environment = tuple(
        replace(v, default=v.default.format(major=major) if major is not None else None)
        if v.default and "{major}" in v.default
        else v
        for v in facts.environment
    )
    return replace(facts, version=version, environment=environment)


@dataclass(frozen=True)
class CatalogueEntry:
    """One variant the image table describes: the product, the tag words that select it, the major versions it
    applies to, and its facts."""

    product: str
    tag_words: str  # e.g. "slim", "alpine", "" for the default variant
    majors: str  # e.g. "18 and later", "before 18", "" for every version
    facts: ImageFacts


def catalogue() -> list[CatalogueEntry]:
    """Every variant of the image table, for the pages that show what a rule knew."""
    entries: list[CatalogueEntry] = []
    for product in products():
        for variant in _CATALOGUE[product].variants:
            if variant.since_major is not None and variant.before_major is not None:
                majors = f"{variant.since_major} to {variant.before_major - 1}"
            elif variant.since_major is not None:
                majors = f"{variant.since_major} and later"
            elif variant.before_major is not None:
                majors = f"before {variant.before_major}"
            else:
                majors = ""
            entries.append(CatalogueEntry(product, " ".join(sorted(variant.flags)), majors, variant.facts))
    return entries
