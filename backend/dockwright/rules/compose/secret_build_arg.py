from __future__ import annotations

from collections.abc import Iterator

from dockwright.compose.model import ComposeFile
from dockwright.compose.nodes import Mapping, Scalar, Sequence
from dockwright.context import LintContext
from dockwright.dockerfile.queries.secrets import is_secret_name
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import register
from dockwright.rules.compose._base import ComposeRule


@register
class SecretBuildArg(ComposeRule):
    id = "DC061"
    slug = "secret-build-arg"
    severity = Severity.WARNING
    title = "A secret is passed to the build as a build arg"
    rationale = (
        "Build args are recorded in the image's history (`docker history` shows them with each RUN that uses "
        "them) and in the build cache: anyone who can pull the image reads the key or token. Compose passes "
        "secrets to a build with `build.secrets`, mounted by `RUN --mount=type=secret` for the one step that "
        "needs them."
    )
    bad = "services:\n  web:\n    build:\n      context: .\n      args:\n        NPM_TOKEN: ${NPM_TOKEN}\n"
    good = (
        "services:\n  web:\n    build:\n      context: .\n      secrets:\n        - npm_token\n"
        "secrets:\n  npm_token:\n    environment: NPM_TOKEN\n"
    )
    fix_title = "Pass it with `build.secrets` and `RUN --mount=type=secret`"
    notes = (
        "Names are judged as DF024 judges ARG names (BuildKit's SecretsUsedInArgOrEnv): apikey, auth, "
        "credential(s), key, password, pword, passwd, secret or token as the name or an `_`-separated part of "
        "it, unless public, file or version is a part too. DF024 reports the ARG in the Dockerfile; this rule "
        "reports the compose file that fills it."
    )

    def check_compose(self, document: ComposeFile, context: LintContext) -> Iterator[Finding]:
        for service in document.services:
            build = service.get("build")
            args = build.get("args") if isinstance(build, Mapping) else None
            for name, node in _args(args):
                if is_secret_name(name):
                    yield self.finding(
                        node.span,
                        Message(
                            "build arg {name} of service {name2!r} looks like a secret: its value is recorded in the "
                            "image history and the build cache",
                            name=name,
                            name2=service.name,
                        ),
                    )


def _args(node: object) -> list[tuple[str, Scalar]]:
    if isinstance(node, Mapping):
        return [(key.raw, key) for key, _ in node.pairs]
    if isinstance(node, Sequence):
        return [(item.text.split("=", 1)[0].strip(), item) for item in node.items if isinstance(item, Scalar)]
    return []
