"""Host and port as servers and clients write them (`127.0.0.1:8080`, `:80`, `[::1]:80`), for the listening
queries and the server configuration readers; its own module so that reading a port never loads the YAML stack."""

from __future__ import annotations

import re

_HOST_PORT = re.compile(r"^(?:\[(?P<ipv6>[0-9a-fA-F:.]+)\]|(?P<host>[^\s:/\[\]]*))(?::(?P<port>\d{1,5}))?$")


def split_host_port(text: str) -> tuple[str, int | None] | None:
    """``"127.0.0.1:8080"`` → ("127.0.0.1", 8080), ``":80"`` → ("", 80), ``"[::1]:80"`` → ("::1", 80),
    ``"app"`` → ("app", None); None for text that is no host and port (a variable, a socket path)."""
    if not text or "$" in text or "{" in text:
        return None
    match = _HOST_PORT.match(text)
    if match is None:
        return None
    host = match.group("ipv6") if match.group("ipv6") is not None else match.group("host") or ""
    port = match.group("port")
    if port is not None and not 0 < int(port) < 65536:
        return None
    return host, int(port) if port is not None else None
