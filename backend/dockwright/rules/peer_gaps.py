"""Peer rules with no Dockwright rule of the same meaning, and why: shown wherever the rules catalogue is
(`dockwright rules`, GET /api/v1/peer-gaps, the web app's /rules page).

Every active hadolint rule (DL1001, DL3000–DL3067, DL4000–DL4006) and every BuildKit build check either is
the recorded equivalent of one of our rules or is listed here. A test checks that the two cover everything.
"""

from __future__ import annotations

from dataclasses import dataclass

from dockwright.i18n import ENGLISH, Message, render


@dataclass(frozen=True)
class PeerGap:
    peer: str  # "hadolint" or "buildkit"
    peer_id: str
    reason: Message
    # Our rule that reports the same problem under another id, if any.
    covered_by: str | None = None


PEER_GAPS: dict[str, PeerGap] = {
    gap.peer_id: gap
    for gap in (
        PeerGap("hadolint", "DL3005", Message("retired by hadolint (apt-get upgrade is not discouraged any more)")),
        PeerGap("hadolint", "DL3017", Message("retired by hadolint (apk upgrade)")),
        PeerGap("hadolint", "DL3031", Message("retired by hadolint (yum update)")),
        PeerGap("hadolint", "DL3039", Message("retired by hadolint (dnf update)")),
        PeerGap("hadolint", "DL4002", Message("never used by hadolint")),
        PeerGap(
            "hadolint",
            "DL3043",
            Message(
                "ONBUILD FROM/ONBUILD MAINTAINER is a syntax error BuildKit refuses, so the parser reports it as one "
                "(as it does every syntax error: `ONBUILD SHELL anything`, a SHELL not in JSON form, is one too)"
            ),
            covered_by="DF001",
        ),
        PeerGap(
            "hadolint",
            "DL3061",
            Message(
                "an instruction other than ARG before the first FROM is a syntax error BuildKit refuses, so the "
                "parser reports it as one"
            ),
            covered_by="DF001",
        ),
        PeerGap(
            "hadolint",
            "DL3064",
            Message(
                "sensitive names in ARG/ENV are reported by our secrets rule, which follows BuildKit's "
                "SecretsUsedInArgOrEnv"
            ),
            covered_by="DF024",
        ),
        PeerGap(
            "buildkit",
            "InvalidBaseImagePlatform",
            Message("needs the base image's manifest from a registry; Dockwright does not pull images"),
        ),
    )
}


def peer_gaps(lang: str = ENGLISH) -> list[dict[str, str | None]]:
    """The table as data for the API and the CLI, the reasons in ``lang``."""
    return [
        {"peer": g.peer, "peer_id": g.peer_id, "reason": render(g.reason, lang), "covered_by": g.covered_by}
        for g in sorted(PEER_GAPS.values(), key=lambda g: (g.peer, g.peer_id))
    ]
