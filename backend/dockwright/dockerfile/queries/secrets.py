"""Names and values that look like credentials, as BuildKit's SecretsUsedInArgOrEnv check reads names: a secret
word (`token`, `password`, `key`...) as the whole name or an `_`-separated part of it, unless a word saying it is
no secret (`public`, `file`, `version`) is a part too (DB_PASSWORD_FILE names a file).

Also what a credential written into a URL looks like (`https://user:password@host`, `https://${TOKEN}@host`).
"""

from __future__ import annotations

import re

_SECRET_TOKENS = (
    "apikey",
    "auth",
    "credential",
    "credentials",
    "key",
    "password",
    "pword",
    "passwd",
    "secret",
    "token",
)
_ALLOW_TOKENS = ("public", "file", "version")
_SECRET_NAME = re.compile(r"(?:_|^)(?:" + "|".join(_SECRET_TOKENS) + r")(?:_|$)", re.IGNORECASE)
_ALLOWED_NAME = re.compile(r"(?:_|^)(?:" + "|".join(_ALLOW_TOKENS) + r")(?:_|$)", re.IGNORECASE)
# Values in the shape of well-known credentials, whatever the variable is called.
SECRET_VALUES = (
    ("a private key", re.compile(r"-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----")),
    ("an AWS access key id", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("a GitHub token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
    ("a GitLab token", re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}")),
    ("a Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("a Stripe secret key", re.compile(r"\b[sr]k_live_[A-Za-z0-9]{20,}")),
    ("a Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("an npm token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b")),
)
# `scheme://user:password@` or `scheme://${TOKEN}@` / `scheme://x-access-token:$TOKEN@`.
URL_CREDENTIALS = re.compile(
    r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://(?P<userinfo>[^/\s@]*(?::[^/\s@]+|\$\{?\w+\}?)[^/\s@]*)@"
)


def is_secret_name(name: str) -> bool:
    return bool(_SECRET_NAME.search(name)) and not _ALLOWED_NAME.search(name)


def secret_kind(value: str) -> str | None:
    """What well-known credential ``value`` holds (an AWS key id, a GitHub token...), whatever its name says."""
    return next((kind for kind, pattern in SECRET_VALUES if pattern.search(value)), None)
