from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, KeyValue
from dockwright.dockerfile.queries.secrets import is_secret_name, secret_kind
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register


@register
class SecretInArgOrEnv(Rule):
    id = "DF024"
    slug = "secret-in-arg-or-env"
    severity = Severity.WARNING
    title = "Secret passed through ARG or ENV"
    rationale = (
        "ENV values are stored in the image configuration and ARG values in its build history: anyone who can "
        "pull the image can read them with `docker inspect` or `docker history`. Pass secrets to the build "
        "with `RUN --mount=type=secret` and to the container at run time."
    )
    bad = "FROM python:3.12-slim\nARG GITHUB_TOKEN\nRUN pip install git+https://${GITHUB_TOKEN}@github.com/acme/lib\n"
    good = (
        "FROM python:3.12-slim\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN \\\n"
        "    pip install git+https://${GITHUB_TOKEN}@github.com/acme/lib\n"
    )
    fix_title = "Use a secret mount (`RUN --mount=type=secret`) instead"
    equivalents = {"buildkit": "SecretsUsedInArgOrEnv"}
    notes = (
        "Names are matched as BuildKit does (apikey, auth, credential(s), key, password, pword, passwd, "
        "secret, token as the name or an `_`-separated part of it; not when public, file or version is also a "
        "part). Dockwright also reports values shaped like well-known credentials (private keys, AWS key ids, "
        "GitHub, GitLab, Slack, Stripe, Google and npm tokens) under any name. Like BuildKit, names of global ARGs "
        "(before the first FROM) are not checked: they only reach FROM lines; their values are."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction in instructions_of(document, "ARG", "ENV"):
            in_stage = instruction.stage is not None
            for pair in instruction.pairs:
                finding = self._check_pair(instruction.keyword, pair, check_name=in_stage)
                if finding is not None:
                    yield finding

    def _check_pair(self, keyword: str, pair: KeyValue, check_name: bool) -> Finding | None:
        kind = secret_kind(pair.value) if pair.has_value else None
        if check_name and is_secret_name(pair.key):
            also = Message(" (and its value looks like {kind})", kind=kind) if kind else ""
            return self.finding(
                pair.key_span,
                Message("{keyword} `{key}` looks like a secret{also}", keyword=keyword, key=pair.key, also=also),
            )
        if kind is not None:
            return self.finding(
                pair.value_span,
                Message("the value of {keyword} `{key}` looks like {kind}", keyword=keyword, key=pair.key, kind=kind),
            )
        return None
