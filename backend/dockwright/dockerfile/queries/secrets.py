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
# `scheme://user:password@` or `scheme://${TOKEN}@` / `scheme://x-access-token:$TOKEN@`.
URL_CREDENTIALS = re.compile(
    r"(?<![A-Za-z0-9+.\-])[A-Za-z][A-Za-z0-9+.\-]*://(?P<userinfo>[^/\s@]*(?::[^/\s@]+|\$\{?\w+\}?)[^/\s@]*)@"
)


def is_secret_name(name: str) -> bool:
    return bool(_SECRET_NAME.search(name)) and not _ALLOWED_NAME.search(name)
