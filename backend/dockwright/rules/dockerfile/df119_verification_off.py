from __future__ import annotations

from collections.abc import Iterator

from dockwright.context import LintContext
from dockwright.dockerfile.model import Dockerfile
from dockwright.dockerfile.queries.stages import instructions_of
from dockwright.dockerfile.queries.verification import VARIABLES, command_off
from dockwright.findings import Finding, Severity
from dockwright.i18n import Message
from dockwright.rules.base import Rule, register

# The programs `command_off` judges, looked up in the file's index of commands first.
_PROGRAMS = (
    "curl", "wget", "pip", "pip3", "python", "python3", "apt-get", "apt", "aptitude", "apk", "yum", "dnf",
    "microdnf", "zypper", "rpm", "git", "npm", "yarn", "pnpm", "echo", "printf", "tee",
)  # fmt: skip


@register
class VerificationOff(Rule):
    id = "DF119"
    slug = "verification-off"
    severity = Severity.WARNING
    title = "Certificate or signature checks are switched off"
    rationale = (
        "`curl -k`, `pip --trusted-host`, `git config http.sslVerify false` or `--allow-unauthenticated` accept "
        "whatever answers, so anyone on the network path (a proxy, a hijacked mirror) can replace what the "
        "build downloads or installs. Set in ENV (`NODE_TLS_REJECT_UNAUTHORIZED=0`), it also disarms every "
        "HTTPS call the running service makes. Install the corporate CA certificate instead."
    )
    bad = "FROM debian:12\nRUN curl -k -o /tmp/app.tgz https://downloads.example.com/app.tgz\n"
    good = "FROM debian:12\nRUN curl -fsSL -o /tmp/app.tgz https://downloads.example.com/app.tgz\n"
    fix_title = "Keep verification on: add the CA certificate the server uses (update-ca-certificates) instead"
    notes = (
        "Commands: curl `-k`/`--insecure`, wget `--no-check-certificate`, pip `--trusted-host`, git "
        "`config http.sslVerify false` and `-c http.sslVerify=false`, npm/yarn/pnpm `strict-ssl false`, apt "
        "`--allow-unauthenticated`/`--allow-insecure-repositories`/`Verify-Peer=false`/`[trusted=yes]`, apk "
        "`--allow-untrusted`, yum/dnf/zypper `--nogpgcheck`, rpm `--nosignature`. ENV and ARG: "
        "NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, NPM_CONFIG_STRICT_SSL=false, "
        "PIP_TRUSTED_HOST, an empty CURL_CA_BUNDLE."
    )

    def check(self, document: Dockerfile, context: LintContext) -> Iterator[Finding]:
        index = document.run_commands_by_program
        for command in (c for program in _PROGRAMS for _, c in index.get(program, ())):
            what = command_off(command)
            if what is not None:
                yield self.finding(
                    command.span, Message("{what}: anyone on the network path can replace what it fetches", what=what)
                )
        for instruction in (*instructions_of(document, "ENV"), *instructions_of(document, "ARG")):
            if not any(p.key in VARIABLES for p in instruction.raw_pairs):
                continue
            for pair in instruction.pairs:
                entry = VARIABLES.get(pair.key)
                if entry is None or not pair.has_value:
                    continue
                value = instruction.expand(pair.value)
                is_off, what = entry
                if value.undefined or not is_off(value.value):
                    continue
                scope = (
                    Message("in every container and every build step")
                    if instruction.keyword == "ENV"
                    else Message("in the build")
                )
                yield self.finding(
                    pair.key_span,
                    Message("{key}={value}: {what} {scope}", key=pair.key, value=value.value, what=what, scope=scope),
                )
