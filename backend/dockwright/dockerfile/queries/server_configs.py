"""The configuration files of the web servers images run, read for what a review needs: the addresses nginx and
Caddy listen on, the upstreams they pass requests to, and the targets Prometheus scrapes.

Only the directives that matter are read, each with its line: nginx's `listen`, `server` inside `upstream`,
`proxy_pass` and its fastcgi/uwsgi/grpc siblings; a Caddyfile's site addresses, `reverse_proxy` upstreams and
the global `admin` option. Text is read once, in one pass over its characters; a file over
:data:`MAX_CONFIG_CHARS` is not read at all (real configurations are a few kilobytes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dockwright.dockerfile.queries.addresses import split_host_port

if TYPE_CHECKING:
    import yaml

MAX_CONFIG_CHARS = 256 * 1024
# Directives whose first argument names an upstream server.
NGINX_PASSES = ("proxy_pass", "fastcgi_pass", "uwsgi_pass", "grpc_pass", "scgi_pass")


@dataclass(frozen=True)
class Address:
    """A host and port as a server or client names them; ``host`` is "" for every interface, ``port`` None when
    not written (the scheme's port applies)."""

    host: str
    port: int | None
    line: int  # in the configuration file
    text: str  # as written


@dataclass(frozen=True)
class Directive:
    name: str
    args: tuple[str, ...]
    line: int
    block: tuple[str, ...]  # the names of the enclosing blocks, outermost first (`http`, `upstream`)


# -- nginx ------------------------------------------------------------------------------------------------------


def nginx_directives(text: str) -> list[Directive]:
    """The simple directives of an nginx configuration (`name arg ...;`), with their lines and enclosing blocks."""
    if len(text) > MAX_CONFIG_CHARS:
        return []
    directives: list[Directive] = []
    blocks: list[str] = []
    words: list[str] = []
    word: list[str] = []
    line = 1
    start_line = 1
    quote = ""
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and index + 1 < len(text):
                word.append(text[index + 1])
                index += 2
                continue
            if char == quote:
                quote = ""
            else:
                word.append(char)
                if char == "\n":
                    line += 1
            index += 1
            continue
        if char == "#":
            end = text.find("\n", index)
            index = len(text) if end < 0 else end
            continue
        if char in "\"'":
            quote = char
            if not words and not word:
                start_line = line
            index += 1
            continue
        if char in " \t\r\n;{}":
            if word:
                words.append("".join(word))
                word = []
            if char == "\n":
                line += 1
            elif char == ";":
                if words:
                    directives.append(Directive(words[0], tuple(words[1:]), start_line, tuple(blocks)))
                words = []
            elif char == "{":
                blocks.append(words[0] if words else "")
                if words and words[0] == "upstream" and len(words) > 1:
                    blocks[-1] = f"upstream {words[1]}"
                words = []
            elif char == "}":
                if blocks:
                    blocks.pop()
                words = []
            index += 1
            continue
        if not words and not word:
            start_line = line
        word.append(char)
        index += 1
    return directives


def nginx_listens(directives: list[Directive]) -> list[Address]:
    """The addresses of the `listen` directives (unix sockets left out); `listen 80` listens on every interface."""
    found = []
    for directive in directives:
        if directive.name != "listen" or not directive.args:
            continue
        text = directive.args[0]
        if text.startswith("unix:"):
            continue
        if text.isdigit():
            found.append(Address("", int(text), directive.line, text))
            continue
        parsed = split_host_port(text)
        if parsed is None:
            continue
        host, port = parsed
        found.append(Address(host if host != "*" else "", port or 80, directive.line, text))
    return found


def nginx_upstreams(directives: list[Directive]) -> dict[str, list[Address]]:
    """The servers of each `upstream NAME { server host:port; }` block, by name."""
    upstreams: dict[str, list[Address]] = {}
    for directive in directives:
        if directive.name != "server" or not directive.args or not directive.block:
            continue
        block = directive.block[-1]
        if not block.startswith("upstream "):
            continue
        parsed = split_host_port(directive.args[0].removeprefix("tcp://"))
        if parsed is not None:
            upstreams.setdefault(block.removeprefix("upstream "), []).append(
                Address(parsed[0], parsed[1], directive.line, directive.args[0])
            )
    return upstreams


def nginx_passes(directives: list[Directive]) -> list[tuple[Directive, Address]]:
    """The upstream servers requests are passed to: each `proxy_pass` (and its siblings) to a host, resolved
    through the `upstream` blocks it names, with the directive that passes."""
    upstreams = nginx_upstreams(directives)
    found: list[tuple[Directive, Address]] = []
    for directive in directives:
        if directive.name not in NGINX_PASSES or not directive.args:
            continue
        target = directive.args[0]
        scheme, _, rest = target.partition("://")
        if not rest:
            scheme, rest = "", target
        authority = rest.split("/", 1)[0]
        if authority.startswith("unix:") or "$" in authority:
            continue
        if authority in upstreams:
            found.extend((directive, address) for address in upstreams[authority])
            continue
        parsed = split_host_port(authority)
        if parsed is None or not parsed[0]:
            continue
        port = parsed[1]
        if port is None and directive.name == "proxy_pass":
            port = 443 if scheme == "https" else 80
        found.append((directive, Address(parsed[0], port, directive.line, authority)))
    return found


# -- Caddy ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Caddyfile:
    sites: list[Address]  # the addresses site blocks serve
    upstreams: list[Address]  # `reverse_proxy` targets
    admin: Address | None  # the global `admin` option, when set to an address
    admin_off: bool = False


def read_caddyfile(text: str) -> Caddyfile:
    """The site addresses, `reverse_proxy` upstreams and `admin` option of a Caddyfile."""
    if len(text) > MAX_CONFIG_CHARS:
        return Caddyfile([], [], None)
    sites: list[Address] = []
    upstreams: list[Address] = []
    admin: Address | None = None
    admin_off = False
    depth = 0
    in_global = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        words = line.split()
        if depth == 0 and line == "{" and not sites:
            in_global = True  # the global options block comes first and has no address
        elif depth == 0 and line.endswith("{"):
            heads = [w.rstrip(",") for w in words[:-1]]
            if heads and not heads[0].startswith(("(", "&(")):  # snippets are no sites
                sites.extend(a for a in (_site_address(h, number) for h in heads) if a is not None)
        elif depth >= 1 and words[0] == "reverse_proxy":
            for target in words[1:]:
                address = None if target.startswith(("/", "*", "{", "@")) else _upstream(target, number)
                if address is not None:
                    upstreams.append(address)
        elif depth == 1 and in_global and words[0] == "admin" and len(words) > 1:
            if words[1] == "off":
                admin_off = True
            else:
                parsed = split_host_port(words[1])
                if parsed is not None:
                    admin = Address(parsed[0], parsed[1] or 2019, number, words[1])
        depth = max(depth + line.count("{") - line.count("}"), 0)
        if depth == 0:
            in_global = False
    return Caddyfile(sites, upstreams, admin, admin_off)


def _site_address(text: str, line: int) -> Address | None:
    scheme, _, rest = text.partition("://")
    if not rest:
        scheme, rest = "", text
    authority = rest.split("/", 1)[0]
    parsed = split_host_port(authority)
    if parsed is None:
        return None
    host, port = parsed
    if port is None:
        port = 80 if scheme == "http" else 443
    return Address("" if not host or host == "*" else host, port, line, text)


def _upstream(text: str, line: int) -> Address | None:
    scheme, _, rest = text.partition("://")
    if not rest:
        scheme, rest = "", text
    parsed = split_host_port(rest.split("/", 1)[0])
    if parsed is None or not parsed[0]:
        return None
    port = parsed[1] if parsed[1] is not None else (443 if scheme == "https" else 80)
    return Address(parsed[0], port, line, text)


# -- Prometheus -------------------------------------------------------------------------------------------------

PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml"  # where the prom/prometheus image reads it by default
_MAX_TARGETS = 1000


def prometheus_targets(text: str) -> list[Address]:
    """The `host:port` targets of a Prometheus configuration's `scrape_configs[].static_configs[].targets`, each
    with its line; none for text over :data:`MAX_CONFIG_CHARS` or that is not YAML."""
    if len(text) > MAX_CONFIG_CHARS:
        return []
    import yaml  # here: of the configurations beside a Dockerfile, only Prometheus' is YAML

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    found: list[Address] = []
    for job in _items(_value(root, "scrape_configs")):
        for static in _items(_value(job, "static_configs")):
            for target in _items(_value(static, "targets")):
                if len(found) >= _MAX_TARGETS:
                    return found
                if isinstance(target, yaml.ScalarNode):
                    parsed = split_host_port(target.value.strip())
                    if parsed is not None and parsed[0]:
                        found.append(Address(parsed[0], parsed[1], target.start_mark.line + 1, target.value))
    return found


def _value(node: yaml.Node | None, key: str) -> yaml.Node | None:
    import yaml

    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _items(node: yaml.Node | None) -> list[yaml.Node]:
    import yaml

    return list(node.value) if isinstance(node, yaml.SequenceNode) else []
