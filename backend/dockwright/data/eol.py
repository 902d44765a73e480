"""End-of-life dates of the releases behind common official images.

A small dated table, not a live feed: each entry names its source, and the date of the check is an input
(`LintConfig.today`) so results are reproducible. Dates are the end of upstream (community) support as
published by the project, collected for endoflife.date; extended-support offers are not counted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

TABLE_UPDATED = dt.date(2026, 12, 3)


@dataclass(frozen=True)
class Release:
    product: str
    release: str
    eol: dt.date
    source: str


def _table(product: str, source: str, entries: dict[str, str]) -> dict[str, Release]:
    return {r: Release(product, r, dt.date.fromisoformat(d), source) for r, d in entries.items()}


_RELEASES: dict[str, dict[str, Release]] = {
    "python": _table(
        "python",
        "https://devguide.python.org/versions/",
        {
            "2.7": "2020-01-01",
            "3.5": "2020-09-13",
            "3.6": "2021-12-23",
            "3.7": "2023-06-27",
            "3.8": "2024-10-07",
            "3.9": "2025-10-31",
            "3.10": "2026-10-31",
            "3.11": "2027-10-31",
            "3.12": "2028-10-31",
            "3.13": "2029-10-31",
            "3.14": "2030-10-31",
        },
    ),
    "node": _table(
        "node",
        "https://github.com/nodejs/Release#release-schedule",
        {
            "8": "2019-12-31",
            "10": "2021-04-30",
            "12": "2022-04-30",
            "14": "2023-04-30",
            "15": "2021-06-01",
            "16": "2023-09-11",
            "17": "2022-06-01",
            "18": "2025-04-30",
            "19": "2023-06-01",
            "20": "2026-04-30",
            "21": "2024-06-01",
            "22": "2027-04-30",
            "23": "2025-06-01",
            "24": "2028-04-30",
            "25": "2026-06-01",
        },
    ),
    "postgres": _table(
        "postgres",
        "https://www.postgresql.org/support/versioning/",
        {
            "9.6": "2021-11-11",
            "10": "2022-11-10",
            "11": "2023-11-09",
            "12": "2024-11-21",
            "13": "2025-11-13",
            "14": "2026-11-12",
            "15": "2027-11-11",
            "16": "2028-11-09",
            "17": "2029-11-08",
            "18": "2030-11-14",
        },
    ),
    "redis": _table(
        "redis",
        "https://redis.io/docs/latest/operate/rs/installing-upgrading/product-lifecycle/",
        {
            "5.0": "2021-10-31",
            "6.0": "2023-08-01",
            "6.2": "2025-02-28",
            "7.0": "2025-02-28",
            "7.2": "2026-02-28",
        },
    ),
    "nginx": _table(
        "nginx",
        "https://nginx.org/en/download.html",
        {
            "1.18": "2021-04-20",
            "1.20": "2022-05-24",
            "1.21": "2022-05-24",
            "1.22": "2023-04-11",
            "1.23": "2023-04-11",
            "1.24": "2024-04-23",
            "1.25": "2024-04-23",
            "1.26": "2025-04-15",
            "1.27": "2025-04-15",
        },
    ),
    "debian": _table(
        "debian",
        "https://wiki.debian.org/DebianReleases",
        {
            "8": "2020-06-30",
            "9": "2022-06-30",
            "10": "2024-06-30",
            "11": "2026-08-31",
            "12": "2028-06-30",
            "13": "2030-06-30",
        },
    ),
    "ubuntu": _table(
        "ubuntu",
        "https://ubuntu.com/about/release-cycle",
        {
            "14.04": "2019-04-25",
            "16.04": "2021-04-30",
            "18.04": "2023-05-31",
            "20.04": "2025-05-29",
            "21.04": "2022-01-20",
            "21.10": "2022-07-14",
            "22.10": "2023-07-20",
            "23.04": "2024-01-25",
            "23.10": "2024-07-11",
            "24.10": "2025-07-10",
            "25.04": "2026-01-15",
            "22.04": "2027-06-01",
            "24.04": "2029-05-31",
        },
    ),
    "alpine": _table(
        "alpine",
        "https://alpinelinux.org/releases/",
        {
            "3.12": "2022-05-01",
            "3.13": "2022-11-01",
            "3.14": "2023-05-01",
            "3.15": "2023-11-01",
            "3.16": "2024-05-23",
            "3.17": "2024-11-22",
            "3.18": "2025-05-09",
            "3.19": "2025-11-01",
            "3.20": "2026-04-01",
            "3.21": "2026-11-01",
            "3.22": "2027-05-01",
            "3.23": "2027-11-01",
        },
    ),
    "elasticsearch": _table(
        "elasticsearch",
        # endoflife.date's products/elasticsearch.md and products/kibana.md (github.com/endoflife-date/
        # endoflife.date, commit a70eca3 of 2026-08-22) for 6, 7 (its last minor, 7.17) and 8.14 onwards; for
        # the minors 7.0-7.16 and 8.0-8.2, the per-minor dates of Elastic's EOL table as the same file recorded
        # them in 2022 (commit 67735bf). Elastic now maintains the two latest minors of the current major and
        # the last minor of the previous one (https://www.elastic.co/support/eol), so a minor ends when the
        # second one after it is released. endoflife.date lists no minor from 8.3 to 8.13: theirs follow that
        # rule (the release of 8.n+2, which gives the listed dates of 8.14-8.16 too).
        "https://endoflife.date/elasticsearch",
        {
            "6": "2022-02-10",
            "7.0": "2020-10-10",
            "7.1": "2020-11-20",
            "7.2": "2020-12-25",
            "7.3": "2021-01-31",
            "7.4": "2021-04-01",
            "7.5": "2021-06-02",
            "7.6": "2021-08-11",
            "7.7": "2021-11-13",
            "7.8": "2021-12-18",
            "7.9": "2022-02-18",
            "7.10": "2022-05-11",
            "7.11": "2022-08-10",
            "7.12": "2022-09-23",
            "7.13": "2022-11-25",
            "7.14": "2023-02-03",
            "7.15": "2023-03-22",
            "7.16": "2023-06-07",
            "7.17": "2026-01-15",
            "8.0": "2023-08-10",
            "8.1": "2023-09-08",
            "8.2": "2023-10-26",
            "8.3": "2022-11-01",
            "8.4": "2023-01-10",
            "8.5": "2023-03-30",
            "8.6": "2023-05-25",
            "8.7": "2023-07-25",
            "8.8": "2023-09-21",
            "8.9": "2023-11-13",
            "8.10": "2024-01-17",
            "8.11": "2024-03-26",
            "8.12": "2024-06-05",
            "8.13": "2024-08-08",
            "8.14": "2024-11-12",
            "8.15": "2024-12-12",
            "8.16": "2025-04-15",
            "8.17": "2025-08-12",
            "8.18": "2025-10-21",
            "8.19": "2027-07-15",
            "9.0": "2025-10-23",
            "9.1": "2026-02-03",
            "9.2": "2026-05-05",
            "9.3": "2026-08-04",
        },
    ),
    "mysql": _table(
        "mysql",
        "https://www.mysql.com/support/eol-notice.html",
        {
            "5.6": "2021-02-28",
            "5.7": "2023-10-31",
            "8.0": "2026-04-30",
        },
    ),
    "mariadb": _table(
        "mariadb",
        # endoflife.date's products/mariadb.md (github.com/endoflife-date/endoflife.date, commit a70eca3 of
        # 2026-08-22), which follows the MariaDB Foundation's policy: https://mariadb.org/about/#maintenance-policy
        "https://endoflife.date/mariadb",
        {
            "5.5": "2020-04-11",
            "10.0": "2019-03-31",
            "10.1": "2020-10-17",
            "10.2": "2022-05-23",
            "10.3": "2023-05-25",
            "10.4": "2024-06-18",
            "10.5": "2025-06-24",
            "10.6": "2026-07-06",
            "10.7": "2023-02-09",
            "10.8": "2023-05-20",
            "10.9": "2023-08-22",
            "10.10": "2023-11-17",
            "10.11": "2028-02-16",
            "11.0": "2024-06-06",
            "11.1": "2024-08-21",
            "11.2": "2024-11-21",
            "11.3": "2024-05-29",
            "11.4": "2029-05-29",
            "11.5": "2024-11-21",
            "11.6": "2025-02-13",
            "11.7": "2025-05-12",
            "11.8": "2028-06-04",
            "12.0": "2025-11-18",
            "12.1": "2026-02-13",
            "12.2": "2026-05-28",
            "12.3": "2029-06-12",
        },
    ),
    "mongo": _table(
        "mongo",
        "https://www.mongodb.com/legal/support-policy/lifecycles",
        {
            "3.6": "2021-04-30",
            "4.0": "2022-04-30",
            "4.2": "2023-04-30",
            "4.4": "2024-02-29",
            "5.0": "2024-10-31",
            "6.0": "2025-07-31",
            "7.0": "2026-08-31",
        },
    ),
    "rabbitmq": _table(
        "rabbitmq",
        "https://www.rabbitmq.com/release-information",
        {
            "3.8": "2022-07-31",
            "3.9": "2023-01-31",
            "3.10": "2023-08-31",
            "3.11": "2024-07-01",
            "3.12": "2025-06-01",
        },
    ),
}
# Kibana is released and maintained with Elasticsearch: endoflife.date lists the same dates for both.
_KIBANA_SOURCE = "https://endoflife.date/kibana"
_RELEASES["kibana"] = {
    key: Release("kibana", release.release, release.eol, _KIBANA_SOURCE)
    for key, release in _RELEASES["elasticsearch"].items()
}

# Codenames in tags (`python:3.12-slim-buster`, `node:gallium`, `ubuntu:focal`) and the release they name.
_CODENAMES = {
    "debian": {"jessie": "8", "stretch": "9", "buster": "10", "bullseye": "11", "bookworm": "12", "trixie": "13"},
    "ubuntu": {
        "trusty": "14.04",
        "xenial": "16.04",
        "bionic": "18.04",
        "focal": "20.04",
        "jammy": "22.04",
        "noble": "24.04",
        "hirsute": "21.04",
        "impish": "21.10",
        "kinetic": "22.10",
        "lunar": "23.04",
        "mantic": "23.10",
        "oracular": "24.10",
        "plucky": "25.04",
    },
    "node": {
        "dubnium": "10",
        "erbium": "12",
        "fermium": "14",
        "gallium": "16",
        "hydrogen": "18",
        "iron": "20",
        "jod": "22",
        "krypton": "24",
    },
}
_VERSION = re.compile(r"^v?(\d+(?:\.\d+)*)")
_ALPINE_SUFFIX = re.compile(r"alpine(\d+\.\d+)")


def products() -> list[str]:
    return sorted(_RELEASES)


def release_of(product: str, version: str) -> Release | None:
    """The table entry a version string falls under: the longest release that prefixes it. A major version
    alone (`redis:6`) moves with its release line; once a later major is out the line has ended and the tag
    stays on its last release, the newest the table lists (`6.2`); a line still going is not resolved."""
    releases = _RELEASES.get(product, {})
    best = None
    for key, release in releases.items():
        if (version == key or version.startswith(key + ".")) and (best is None or len(key) > len(best.release)):
            best = release
    if best is not None or not version.isdigit():
        return best
    line = [release for key, release in releases.items() if key.startswith(version + ".")]
    ended = any(_numbers(key)[0] > int(version) for key in releases if _numbers(key))
    return max(line, key=lambda release: _numbers(release.release)) if line and ended else None


def _numbers(release: str) -> tuple[int, ...]:
    """`10.11` → (10, 11); () for a release that is not numeric."""
    parts = release.split(".")
    return tuple(int(part) for part in parts) if all(part.isdigit() for part in parts) else ()


def releases_in_tag(image_name: str, tag: str | None) -> list[Release]:
    """Every release a tag pins: the product's own version and, in a variant suffix, the OS it is built on."""
    if not tag:
        return []
    found: list[Release] = []
    name = image_name.lower()
    head, *variants = tag.lower().split("-")
    if name in _RELEASES:
        version = _CODENAMES.get(name, {}).get(head)
        if version is None:
            match = _VERSION.match(head)
            version = match.group(1) if match else None
        release = release_of(name, version) if version else None
        if release:
            found.append(release)
    # The OS a variant names, also when the tag starts with it (`node:alpine3.12`); a variant without a version
    # (`nginx:alpine`) moves with the OS's releases, like `latest`.
    for variant in ([head] if not found else []) + variants:
        for os_name in ("debian", "ubuntu"):
            version = _CODENAMES[os_name].get(variant)
            release = release_of(os_name, version) if version else None
            if release and release not in found:
                found.append(release)
        alpine = _ALPINE_SUFFIX.match(variant)
        release = release_of("alpine", alpine.group(1)) if alpine else None
        if release and release not in found:
            found.append(release)
    return found


def end_of_life(image_name: str, tag: str | None, today: dt.date) -> list[Release]:
    """The releases named by ``image_name:tag`` whose support ended before ``today``."""
    return [r for r in releases_in_tag(image_name, tag) if r.eol < today]


def all_releases() -> list[Release]:
    """Every release line the table knows, by product and then version."""
    return [release for product in products() for release in sorted(_RELEASES[product].values(), key=_release_key)]


def _release_key(release: Release) -> tuple[int, ...]:
    return _numbers(release.release)
