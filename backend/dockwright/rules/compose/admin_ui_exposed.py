from __future__ import annotations

from collections.abc import Iterator

from dockwright import knowledge
from dockwright.compose.edits import bind_to_localhost
from dockwright.compose.model import ComposeFile
from dockwright.context import LintContext
from dockwright.data.images import ImageFacts
from dockwright.findings import Finding, Fix, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule
from dockwright.rules.compose._servers import ServiceServer, environment_entries, service_server

# Passwords anyone tries first.
WEAK_PASSWORDS = frozenset({"admin", "password", "pass", "guest", "changeme", "secret", "root", "test", "123456"})


@register
class AdminUiExposed(ComposeRule):
    id = "DC056"
    knows = staticmethod(knowledge.admin_interfaces)
    slug = "admin-ui-exposed"
    severity = Severity.WARNING
    title = "An admin UI is published on every interface without real authentication"
    rationale = (
        "Flower, RabbitMQ's management UI, mongo-express, pgAdmin, phpMyAdmin, Adminer, Traefik's insecure "
        "dashboard and Caddy's admin API control the service behind them. Published on 0.0.0.0 (Docker's rules "
        "bypass the host firewall) with no login, the image's default login or a guessable password, they are "
        "found by scanners within hours. Publish them on 127.0.0.1 and reach them through an SSH tunnel or an "
        "authenticated proxy."
    )
    bad = "services:\n  flower:\n    image: mher/flower:2.0\n    ports:\n      - '5555:5555'\n"
    good = "services:\n  flower:\n    image: mher/flower:2.0\n    ports:\n      - '127.0.0.1:5555:5555'\n"
    fix_title = "Publish the port on 127.0.0.1 only"
    notes = (
        "Admin ports come from the image table (those it marks as an administration UI or API, moved by their "
        "variable such as PGADMIN_LISTEN_PORT). Reported when the UI has no login (Flower without "
        "FLOWER_BASIC_AUTH or `--basic-auth`, Traefik with `--api.insecure`, Caddy's admin API moved to a public "
        "address), keeps the image's default login (RabbitMQ guest/guest, mongo-express admin:pass), has a "
        "guessable password (`admin`, `password`, `changeme`...), or logs in with the database's own accounts "
        "(phpMyAdmin, Adminer). An admin UI with a chosen password is left alone. DC014 reports any port "
        "published on every interface; this rule says why an admin port matters."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.project(context).services:
            bindings = [
                b
                for b in service.ports
                if b.on_all_interfaces and b.known and b.protocol == "tcp" and document.owns(b.node)
            ]
            if not bindings:
                continue
            server = service_server(service, context)
            facts = server.facts
            if facts is None or server.stage is not None:
                continue
            admin = _admin_ports(facts, server)
            for binding in bindings:
                target = binding.target_ports()
                port = next((p for p in target if p in admin), None)
                if port is None:
                    continue
                written = {name for name, _, _ in environment_entries(service, unresolved=True)}
                why = _unprotected(facts, server, written)
                if why is None:
                    continue
                edits = bind_to_localhost(binding, document.lines)
                yield self.finding(
                    binding.node.span,
                    Message(
                        "service {name!r} publishes {admin} (port {port}) on every host interface {why}: whoever "
                        "reaches the host controls it",
                        name=service.name,
                        admin=admin[port],
                        port=port,
                        why=why,
                    ),
                    Fix(self.fix_title, edits, safe=bool(edits)),
                )


def _admin_ports(facts: ImageFacts, server: ServiceServer) -> dict[int, str]:
    """The admin ports the container listens on, with what they serve."""
    env = server.process.env if server.process is not None else {}
    found: dict[int, str] = {}
    listening = {lis.port for lis in server.listening if lis.port is not None and not lis.loopback}
    for port in facts.admin_ports:
        number = port.number
        if port.variable and port.variable in env and env[port.variable].value.isdigit():
            number = int(env[port.variable].value)
        if facts.image in ("traefik", "caddy") and number not in listening:
            continue  # served only when the command or the Caddyfile opens it
        found[number] = Message("the {image} {purpose}", image=facts.image, purpose=port.purpose.split(" (")[0])
    return found


def _unprotected(facts: ImageFacts, server: ServiceServer, written: set[str]) -> str | None:
    """How the admin UI is (not) protected, as the message says it; None when a login of its own guards it.
    ``written``: the variables the service sets, a value the analysis cannot see included (not a default)."""
    env = server.process.env if server.process is not None else {}
    argv = [a.value for a in server.process.argv] if server.process is not None else []
    if any(name in written for name in facts.login_variables):
        return None
    if any(word.startswith(flag) for word in argv for flag in facts.login_flags):
        return None
    if facts.database_login:
        return Message("with the database's own login form (anyone can try its passwords)")
    login = facts.default_login
    if login is not None:
        if login.password_variable in written and login.password_variable not in env:
            return None  # set from a variable the analysis has no value for
        password = env.get(login.password_variable)
        if password is None or password.value in (login.password, "") or password.value.lower() in WEAK_PASSWORDS:
            shown = password.value if password is not None and password.value else login.password
            return Message("behind the login {user}/{shown}", user=login.user, shown=shown)
        return None
    secret = next((v.name for v in facts.environment if v.secret and v.required), None)
    if secret is not None:
        password = env.get(secret)
        if password is None and secret in written:
            return None
        if password is not None and password.value.lower() in WEAK_PASSWORDS:
            return Message("with the password `{password}`", password=password.value)
        return None
    if facts.open_without_credentials or facts.image in ("traefik", "caddy"):
        return Message("without authentication")
    return None
