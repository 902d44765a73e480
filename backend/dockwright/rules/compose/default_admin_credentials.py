from __future__ import annotations

from collections.abc import Iterator

from dockwright import knowledge
from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Node
from dockwright.context import LintContext
from dockwright.data.images import ImageFacts
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._servers import environment_entries, service_server

_WEAK = frozenset({"admin", "password", "pass", "guest", "changeme", "secret", "root", "test", "123456"})


@register
class DefaultAdminCredentials(ComposeRule):
    id = "DC057"
    knows = staticmethod(knowledge.default_logins)
    slug = "default-admin-credentials"
    severity = Severity.WARNING
    title = "An admin login is left at the image's default, or set to one anyone guesses"
    rationale = (
        "RabbitMQ creates guest/guest (and accepts it from any host in the Docker image), Grafana admin/admin, "
        "mongo-express admin:pass when nothing else is set; `admin`/`password` are the first passwords tried. "
        "Whoever guesses them administers the service. Set a real password from a secret or an untracked "
        ".env file."
    )
    bad = "services:\n  mq:\n    image: rabbitmq:3.13-management\n"
    good = (
        "services:\n  mq:\n    image: rabbitmq:3.13-management\n    environment:\n"
        "      RABBITMQ_DEFAULT_USER: ops\n      RABBITMQ_DEFAULT_PASS: ${RABBITMQ_PASSWORD:?}\n"
    )
    fix_title = "Set the admin password from a secret or an untracked .env (`${VAR:?}`)"
    notes = (
        "Images with a default login in the image table (RabbitMQ, Grafana, mongo-express 1.x) are reported "
        "when the password variable is unset (nor set through its `_FILE` / `__FILE` variant or an env_file) "
        "or set to the default; admin UIs that require a password (pgAdmin) when it is a guessable one. A "
        "`${VAR:-admin}` fallback counts when the variable has no value. A database password chosen in the "
        "file is DC024's (hard-coded secret), not this rule's."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).first_defined_here():
            if service.incomplete or service.get("build") is not None:
                continue
            server = service_server(service, context)
            facts = server.facts
            if facts is None or server.process is None:
                continue
            variable, default = _password_variable(facts)
            if variable is None:
                continue
            env = server.process.env
            written = {name for name, _, _ in environment_entries(service, unresolved=True)}
            if any(f"{variable}{suffix}" in env or f"{variable}{suffix}" in written for suffix in ("_FILE", "__FILE")):
                continue
            value = env.get(variable)
            if value is None and variable in written:
                continue  # set from a variable the analysis has no value for: not the default
            if value is None:
                if default is not None:
                    yield self.finding(service.key.span, _unset(service, facts, variable))
                continue
            if value.value == default or value.value.lower() in _WEAK:
                node = _node(service, variable)
                if node is not None and document.owns(node):
                    yield self.finding(
                        node.span,
                        Message(
                            "{variable} of service {name!r} is `{value}`, a password anyone tries first: whoever "
                            "guesses it administers {image}",
                            variable=variable,
                            name=service.name,
                            value=value.value,
                            image=facts.image,
                        ),
                    )


def _password_variable(facts: ImageFacts) -> tuple[str | None, str | None]:
    """The variable holding the admin password, and the password the image uses when it is unset."""
    if facts.default_login is not None:
        return facts.default_login.password_variable, facts.default_login.password
    if facts.admin_ports:
        secret = next((v.name for v in facts.environment if v.secret and v.required), None)
        return secret, None
    return None, None


def _unset(service: Service, facts: ImageFacts, variable: str) -> Message:
    login = facts.default_login
    assert login is not None
    users = f"{login.user_variable}/{variable}" if login.user_variable else variable
    return Message(
        "service {name!r} sets no {users}: {image} keeps its default login {user}/{password}, and whoever tries "
        "it administers the service",
        name=service.name,
        users=users,
        image=facts.image,
        user=login.user,
        password=login.password,
    )


def _node(service: Service, variable: str) -> Node | None:
    return next((node for name, _, node in environment_entries(service, unresolved=True) if name == variable), None)
