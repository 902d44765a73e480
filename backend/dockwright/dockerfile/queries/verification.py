"""Settings that switch off certificate or signature verification: in commands (`curl -k`, `pip --trusted-host`,
`git config http.sslVerify false`, `apt-get --allow-unauthenticated`), in environment variables
(`NODE_TLS_REJECT_UNAUTHORIZED=0`), and in connection strings (`TrustServerCertificate=True`).

One table for the Dockerfile rule and the compose rule, each entry with what it turns off, for the message.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from dockwright.dockerfile.queries.commands import operands
from dockwright.dockerfile.shell import ShellCommand, has_flag
from dockwright.i18n import Message


def _falsy(value: str) -> bool:
    return value.strip().lower() in ("0", "false", "no", "off")


def _set(value: str) -> bool:
    return value.strip() != "" and not _falsy(value)


# Variable -> (whether its value turns verification off, what then accepts what).
VARIABLES: dict[str, tuple[Callable[[str], bool], str]] = {
    "NODE_TLS_REJECT_UNAUTHORIZED": (lambda v: v.strip() == "0", Message("Node.js accepts any TLS certificate")),
    "PYTHONHTTPSVERIFY": (lambda v: v.strip() == "0", Message("Python's HTTPS client accepts any certificate")),
    "GIT_SSL_NO_VERIFY": (_set, Message("git accepts any certificate")),
    "NPM_CONFIG_STRICT_SSL": (_falsy, Message("npm accepts any certificate")),
    "PIP_TRUSTED_HOST": (_set, Message("pip accepts any certificate, and plain HTTP, from these hosts")),
    "CURL_CA_BUNDLE": (lambda v: v.strip() == "", Message("Python requests skips certificate checks")),
}

# Options of connection strings and URLs that accept any server certificate (compiled when first needed: only the
# compose rule asks).
_CONNECTION_OPTIONS = (
    r"(?i)(?<![A-Za-z])(?P<option>trustServerCertificate\s*=\s*(?:true|yes)"
    r"|tlsInsecure=true|tlsAllowInvalidCertificates=true|tlsAllowInvalidHostnames=true"
    r"|ssl_cert_reqs=(?:none|CERT_NONE)|rejectUnauthorized=false|sslVerify=false|verify_ssl=false"
    r"|ssl-verify-server-cert=false|sslcert=none)"
)


@functools.cache
def _connection_options() -> re.Pattern[str]:
    return re.compile(_CONNECTION_OPTIONS)


def connection_option_off(value: str) -> re.Match[str] | None:
    """The option of a connection string or URL that turns certificate checks off."""
    return _connection_options().search(value[:4096])


def command_off(command: ShellCommand) -> str | None:
    """What ``command`` turns off, as a message names it (`curl -k`); None when it verifies what it fetches."""
    program = command.program
    args = command.args
    if program == "curl" and has_flag(args, "-k", "--insecure"):
        return Message("`curl -k` accepts any certificate")
    if program == "wget" and has_flag(args, "--no-check-certificate"):
        return Message("`wget --no-check-certificate` accepts any certificate")
    if (program.startswith("pip") or program.startswith("python")) and has_flag(args, "--trusted-host"):
        return Message("`pip --trusted-host` accepts any certificate, and plain HTTP, from that host")
    if program in ("apt-get", "apt", "aptitude"):
        if has_flag(args, "--allow-unauthenticated", "--allow-insecure-repositories", "--no-check-gpg"):
            return Message("`{program}` installs packages whose signature it cannot check", program=program)
        if any("verify-peer=false" in a.value.lower() or "verify-host=false" in a.value.lower() for a in args):
            return Message("`{program}` accepts any repository certificate", program=program)
    if program == "apk" and has_flag(args, "--allow-untrusted"):
        return Message("`apk --allow-untrusted` installs packages whose signature it cannot check")
    if program in ("yum", "dnf", "microdnf", "zypper") and (
        has_flag(args, "--nogpgcheck", "--no-gpg-checks")
        or any(a.value.lower() == "--setopt=sslverify=0" for a in args)
    ):
        return Message("`{program}` installs packages whose signature it does not check", program=program)
    if program == "rpm" and has_flag(args, "--nosignature", "--nodigest"):
        return Message("`rpm` installs a package whose signature it does not check")
    if program == "git":
        return _git_off(command)
    if program in ("npm", "yarn", "pnpm"):
        values = [a.value.lower() for a in operands(args)]
        if values[:3] == ["config", "set", "strict-ssl"] and len(values) > 3 and _falsy(values[3]):
            return Message("`{program} config set strict-ssl false` accepts any certificate", program=program)
        if any(a.value.lower() in ("--strict-ssl=false", "--no-strict-ssl") for a in args):
            return Message("`{program}` accepts any certificate", program=program)
    if program in ("echo", "printf", "tee") and any("[trusted=yes]" in a.value for a in args):
        return Message("`[trusted=yes]` makes apt accept the repository without a signature")
    return None


def _git_off(command: ShellCommand) -> str | None:
    values = [a.value for a in command.args]
    lowered = [v.lower() for v in values]
    for value, following in itertools.pairwise(lowered):
        if value == "-c" and following.startswith("http.sslverify=") and _falsy(following.split("=", 1)[1]):
            return Message("`git -c http.sslVerify=false` accepts any certificate")
    if "config" in lowered:
        rest = [v for v in lowered[lowered.index("config") + 1 :] if not v.startswith("--")]
        if len(rest) >= 2 and rest[0].startswith("http.") and rest[0].endswith("sslverify") and _falsy(rest[1]):
            return Message("`git config http.sslVerify false` makes every later git command accept any certificate")
    return None
