from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.compose.model import ComposeFile, Service
from dockwright.compose.nodes import Mapping, Scalar, Sequence
from dockwright.context import LintContext
from dockwright.findings import Finding, Severity, Span
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule

_SECRET_NAME = re.compile(
    r"(PASSWORD|PASSWD|PASSPHRASE|(^|_)PASS$|(^|_)PWD$|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY"
    r"|(^|_)KEY$|CREDENTIAL)",
    re.IGNORECASE,
)
# Names that look secret but hold a path, a switch or a public value.
_NOT_SECRET_NAME = re.compile(r"(_FILE|_PATH|_DIR|_URL_PATH|PUBLIC|_LENGTH|_EXPIRY|_TTL|_ENABLED)$|PUBLIC_", re.I)
# The scheme starts where a run of scheme characters starts, so a long run without `://` is scanned once.
_URL_CREDENTIALS = re.compile(
    r"(?<![a-z0-9+.\-])(?P<scheme>[a-z][a-z0-9+.\-]*)://(?P<user>[^/\s:@]+):(?P<password>[^/\s@]+)@", re.I
)
_PLACEHOLDER = re.compile(r"^(|true|false|yes|no|none|null|\*+|<[^>]*>)$", re.I)


@register
class HardCodedSecret(ComposeRule):
    id = "DC024"
    slug = "secret-in-environment"
    severity = Severity.WARNING
    title = "A password, token or key is written into the compose file"
    rationale = (
        "Compose files are committed, shared and printed in logs; a secret written there leaks with them. "
        "Reference a variable (`${DB_PASSWORD}`, set in an untracked `.env`) or use Compose `secrets`."
    )
    bad = "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: hunter2"
    good = "services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}"
    fix_title = "Move the value to a variable in an untracked .env file, or to a Compose secret"

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            for name, value, span in _assignments(service):
                url = _URL_CREDENTIALS.search(value)
                if url and "$" not in url.group("password"):
                    yield self.finding(
                        span,
                        Message(
                            "{name} of service {name2!r} holds a URL with an embedded password",
                            name=name,
                            name2=service.name,
                        ),
                    )
                elif "$" not in value and _looks_secret(name) and not _placeholder(value):
                    yield self.finding(
                        span,
                        Message(
                            "{name} of service {name2!r} is set to a hard-coded value", name=name, name2=service.name
                        ),
                    )


def _placeholder(value: str) -> bool:
    """Values that are no secret: empty, a switch, a mask, or a path to a secret file."""
    return bool(_PLACEHOLDER.match(value.strip())) or value.startswith("/run/secrets/")


def _looks_secret(name: str) -> bool:
    return bool(_SECRET_NAME.search(name)) and not _NOT_SECRET_NAME.search(name)


def _assignments(service: Service) -> Iterator[tuple[str, str, Span]]:
    """``environment`` entries and build args as (name, raw value, span of the value)."""
    sources = [service.get("environment")]
    build = service.get("build")
    if isinstance(build, Mapping):
        sources.append(build.get("args"))
    for node in sources:
        if isinstance(node, Mapping):
            for key, value in node.pairs:
                if isinstance(value, Scalar) and value.value is not None:
                    yield key.raw, value.raw, value.span
        elif isinstance(node, Sequence):
            for item in node.items:
                if isinstance(item, Scalar) and "=" in item.raw:
                    name, _, text = item.raw.partition("=")
                    yield name.strip(), text, item.offset_span(len(name) + 1, len(item.raw))
