from __future__ import annotations

import re
from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile, Instruction
from dockwright.dockerfile.queries.commands import run_scripts
from dockwright.dockerfile.queries.mounts import mounts
from dockwright.dockerfile.queries.secrets import URL_CREDENTIALS
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

_VARIABLE = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)")
_AUTH_TOKEN = re.compile(r":_(?:authToken|auth|password)=", re.IGNORECASE)


@register
class CredentialsInRun(Rule):
    id = "DF120"
    slug = "credentials-in-run"
    severity = Severity.WARNING
    title = "A RUN writes a credential into its command line"
    rationale = (
        "A RUN's command line is kept in the image history, with the values of the build args it uses: a "
        "password in `https://user:password@host`, or a token from an ARG in `https://${TOKEN}@github.com` or "
        "an `.npmrc` line, can be read by anyone who pulls the image (`docker history --no-trunc`) and stays "
        "in the build cache. A secret mount hands it to the one command that needs it and records nothing."
    )
    bad = (
        "FROM node:20-alpine\nARG NPM_TOKEN\n"
        'RUN echo "//npm.pkg.github.com/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\n'
    )
    good = "FROM node:20-alpine\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n"
    fix_title = "Pass it with `RUN --mount=type=secret` (as a file, or `env=NAME`)"
    notes = (
        "Reported: a URL with a password written out (`scheme://user:password@`), and a URL or an npm "
        "`_authToken`/`_auth`/`_password` setting that takes its value from an ARG or ENV in scope. A variable "
        "the RUN receives from a secret mount (`--mount=type=secret,env=TOKEN`) records nothing and is fine. "
        "DF024 reports the ARG itself."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        for instruction, script in run_scripts(document):
            if "@" not in script.text and "_auth" not in script.text and "_password" not in script.text:
                continue
            secret_env = _secret_variables(instruction)
            for command in script.all_commands:
                args = command.args
                for index, word in enumerate(args):
                    following = args[index + 1].value if index + 1 < len(args) else ""
                    what = _credential(instruction, word.value, following, secret_env)
                    if what is not None:
                        yield self.finding(
                            word.span,
                            Message(
                                "{what} is recorded in the image history and the build cache, where "
                                "anyone who pulls the "
                                "image reads it",
                                what=what,
                            ),
                        )
                        break


def _credential(instruction: Instruction, text: str, following: str, secret_env: set[str]) -> str | None:
    """What credential ``text`` (an argument; ``following`` is the next one, the value of `npm config set
    KEY VALUE`) writes into the command line, or None."""
    match = URL_CREDENTIALS.search(text)
    if match is not None:
        userinfo = match.group("userinfo")
        names = [n for n in _VARIABLE.findall(userinfo) if n not in secret_env]
        if "$" not in userinfo and ":" in userinfo:
            return Message("the password in this URL")
        built = [n for n in names if n in instruction.scope]
        if built:
            return Message("the value of {built} (a build variable) in this URL", built=built[0])
    setting = _AUTH_TOKEN.search(text + ("=" if text.endswith(("_authToken", "_auth", "_password")) else ""))
    if setting is not None:
        rest = text[setting.end() :] or following
        names = [n for n in _VARIABLE.findall(rest) if n not in secret_env and n in instruction.scope]
        if names:
            return Message("the value of {names} (a build variable) in this npm setting", names=names[0])
        if rest and "$" not in rest:
            return Message("the token in this npm setting")
    return None


def _secret_variables(instruction: Instruction) -> set[str]:
    """Variables a secret mount of the RUN sets (`--mount=type=secret,env=TOKEN`)."""
    return {m["env"] for m in mounts(instruction, "secret") if m.get("env")}
