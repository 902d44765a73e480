"""Label schemas: the value types a required label may have, and how to validate each.

Used by the label rules (DF079..DF088, hadolint's DL3048..DL3058) and by the `label_schema` config key,
which maps a label name to one of :data:`LABEL_TYPES`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from packaging.licenses import InvalidLicenseExpression, canonicalize_license_expression

from dockwright.i18n import Message

LABEL_TYPES = ("text", "url", "semver", "hash", "rfc3339", "spdx", "email")

# Docker's recommendation for keys: lower-case alphanumerics, dots and dashes, starting with a letter and
# ending with a letter or digit, with no doubled separators (underscores are tolerated, as hadolint does);
# the com.docker.*, io.docker.* and org.dockerproject.*
# namespaces are reserved for Docker itself.
_LABEL_KEY = re.compile(r"^[a-z](?:[a-z0-9_]|[.-](?=[a-z0-9_]))*$")
RESERVED_NAMESPACES = ("com.docker.", "io.docker.", "org.dockerproject.")

_SEMVER = re.compile(
    r"^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?"
    r"(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$"
)
_GIT_HASH = re.compile(r"^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$")
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$")
# RFC 5322's addr-spec without the obsolete forms and quoted local parts nobody puts in a label.
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


def label_key_problem(key: str) -> Message | None:
    """Why ``key`` is not a valid label key, or None when it is."""
    if key.startswith(RESERVED_NAMESPACES):
        namespace = ".".join(key.split(".")[:2])
        return Message("`{key}` uses a namespace reserved for Docker ({namespace}.*)", key=key, namespace=namespace)
    if not _LABEL_KEY.match(key):
        return Message(
            "`{key}` is not a valid label key: use lower-case letters, digits, `.` and `-`, starting with a "
            "letter and ending with a letter or digit",
            key=key,
        )
    return None


def _is_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https", "ftp", "git", "ssh") and bool(parts.netloc) and " " not in value


def _is_rfc3339(value: str) -> bool:
    if not _RFC3339.match(value):
        return False
    try:
        dt.datetime.fromisoformat(value.replace("z", "Z").replace("t", "T"))
    except ValueError:
        return False
    return True


def _is_spdx(value: str) -> bool:
    try:
        canonicalize_license_expression(value)
    except InvalidLicenseExpression:
        return False
    return True


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "text": lambda value: True,
    "url": _is_url,
    "semver": lambda value: bool(_SEMVER.match(value)),
    "hash": lambda value: bool(_GIT_HASH.match(value)),
    "rfc3339": _is_rfc3339,
    "spdx": _is_spdx,
    "email": lambda value: bool(_EMAIL.match(value)),
}


def is_valid(label_type: str, value: str) -> bool:
    return VALIDATORS[label_type](value)
