"""A project's policy from a Dockwright server, for the documents the editor lints.

With ``server`` and ``project`` in the editor's settings and an API token (``read`` scope) in DOCKWRIGHT_TOKEN in
the language server's environment, the project's effective policy (layered on the site's, as the server analyses
with it: GET /api/v1/projects/<slug>/policy) is fetched when the server starts and again when the settings change.
Documents are then linted locally with it, in place of the workspace's config files, as `dockwright lint --server`
uses it in place of the CLI's: typing never waits for the network. A server that cannot be reached or refuses is
told to the user (the server keeps linting with the local configuration, and says so).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

from dockwright.config import LintConfig
from dockwright.errors import ConfigError
from dockwright.server_client import ServerError, request_json, server_base, server_token

# An editor starting up should not wait long for a server that does not answer; linting goes on meanwhile anyway.
FETCH_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class PolicySource:
    """Where the policy comes from: the server's URL and the project's slug, as the editor's settings give them."""

    server: str
    project: str

    def __str__(self) -> str:
        return f"project {self.project!r} on {self.server}"


def fetch_policy(source: PolicySource, environ: Mapping[str, str]) -> LintConfig:
    """The project's effective policy as a LintConfig; ServerError saying why it cannot be had."""
    token = server_token(environ, "the project's policy")
    url = f"{server_base(source.server, 'the server setting')}/api/v1/projects/{quote(source.project, safe='')}/policy"
    answer = request_json(url, token, action="to give the policy", timeout=FETCH_TIMEOUT_SECONDS)
    try:
        return LintConfig.from_dict(answer["effective"])
    except (KeyError, TypeError, ConfigError) as exc:
        raise ServerError(f"the policy the server sent is not one this dockwright can read ({exc})") from None
