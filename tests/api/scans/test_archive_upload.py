"""Repository archives uploaded as scans: the right files are kept, and every hostile archive of the issue gets a
400 with the reason (413 over the size limit), stores no scan and writes nothing (archives are never extracted)."""

from __future__ import annotations

import io
import os
import stat
import tarfile
import zipfile
from typing import Any

import pytest

from projects.models import Project
from scans.models import Scan

pytestmark = pytest.mark.django_db

DOCKERFILE = b"FROM python:latest\nRUN pip install flask\n"
COMPOSE = b"services:\n  api:\n    build: ./api\n"


def tar_gz(*members: tuple[str, bytes | None], kind: bytes = tarfile.REGTYPE, link: str = "") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            if data is None:
                info.type, info.linkname = kind, link
                archive.addfile(info)
            else:
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def zip_of(*members: tuple[str, bytes], mode: int | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if mode is not None:
                info.external_attr = mode << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def upload(client: Any, data: bytes, name: str) -> Any:
    archive = io.BytesIO(data)
    archive.name = name
    return client.post(
        "/api/v1/projects/payments/scans/archive", {"archive": archive, "branch": "main"}, format="multipart"
    )


# A zip made on Windows has no Unix mode, one made by some tools only permission bits: both are plain files.
PLAIN_MODES = [None, 0o644, stat.S_IFREG | 0o644]

REPOSITORY = [
    ("repo/api/Dockerfile", DOCKERFILE),
    ("repo/docker-compose.yml", COMPOSE),
    ("repo/api/.dockerignore", b"*.log\n"),
    ("repo/README.md", b"skipped\n"),
    ("repo/vendor/inner.tar.gz", tar_gz(("Dockerfile", DOCKERFILE))),  # not opened
]


@pytest.mark.parametrize(("data", "name"), [(tar_gz(*REPOSITORY), "repo.tar.gz"), (zip_of(*REPOSITORY), "repo.zip")])
def test_an_archive_becomes_a_scan_of_its_container_files(client_as, private_project: Project, data, name) -> None:
    response = upload(client_as("maintainer"), data, name)

    assert response.status_code == 202, response.content
    scan = response.json()
    assert sorted(f["path"] for f in scan["files"]) == [
        "repo/api/.dockerignore",
        "repo/api/Dockerfile",
        "repo/docker-compose.yml",
    ]
    assert (scan["files_found"], scan["files_analysed"]) == (2, 2)
    assert scan["findings"]


def _bomb_tar() -> bytes:
    return tar_gz(("Dockerfile", DOCKERFILE), ("zeros.bin", b"\0" * (3 * 1024 * 1024)))


HOSTILE = [
    ("zip bomb", zip_of(("Dockerfile", DOCKERFILE), ("zeros.bin", b"\0" * (3 * 1024 * 1024))), "a.zip", "fold"),
    ("tar bomb", _bomb_tar(), "a.tar.gz", "fold"),
    (
        "over the member count",
        tar_gz(*[(f"f{i}.txt", b"x") for i in range(30)], ("Dockerfile", DOCKERFILE)),
        "a.tgz",
        "members",
    ),
    ("../ in a tar", tar_gz(("../Dockerfile", DOCKERFILE)), "a.tar.gz", "climbs out"),
    ("../ in a zip", zip_of(("a/../../Dockerfile", DOCKERFILE)), "a.zip", "climbs out"),
    ("absolute path", tar_gz(("/etc/Dockerfile", DOCKERFILE)), "a.tar.gz", "absolute"),
    ("absolute zip path", zip_of(("/etc/Dockerfile", DOCKERFILE)), "a.zip", "absolute"),
    ("symlink in a tar", tar_gz(("Dockerfile", None), link="/etc/passwd", kind=tarfile.SYMTYPE), "a.tar.gz", "link"),
    ("hard link in a tar", tar_gz(("Dockerfile", None), link="x", kind=tarfile.LNKTYPE), "a.tar.gz", "link"),
    ("symlink in a zip", zip_of(("Dockerfile", b"/etc/passwd"), mode=stat.S_IFLNK | 0o777), "a.zip", "symbolic link"),
    ("device", tar_gz(("Dockerfile", None), kind=tarfile.CHRTYPE), "a.tar.gz", "device"),
    ("device in a zip", zip_of(("Dockerfile", b""), mode=stat.S_IFCHR | 0o600), "a.zip", "device"),
    ("FIFO", tar_gz(("Dockerfile", None), kind=tarfile.FIFOTYPE), "a.tar.gz", "device, a FIFO"),
    ("duplicate names", tar_gz(("Dockerfile", DOCKERFILE), ("./Dockerfile", DOCKERFILE)), "a.tar.gz", "twice"),
    ("non-UTF-8 name", b"", "a.tar.gz", "not UTF-8"),  # built below: tarfile needs the raw bytes
    ("truncated tar.gz", tar_gz(("Dockerfile", DOCKERFILE * 50))[:-40], "a.tar.gz", "truncated"),
    ("truncated zip", zip_of(("Dockerfile", DOCKERFILE))[:-30], "a.zip", "truncated"),
    ("not an archive", b"FROM x\n", "Dockerfile", "must be a .tar.gz"),
    ("only a nested archive", tar_gz(("inner.zip", zip_of(("Dockerfile", DOCKERFILE)))), "a.tar.gz", "no Dockerfile"),
]


def _non_utf8_name_tar() -> bytes:
    buffer = io.BytesIO()
    # GNU format keeps the name's raw bytes (PAX would store it as UTF-8): here é in Latin-1, 0xE9.
    with tarfile.open(fileobj=buffer, mode="w:gz", format=tarfile.GNU_FORMAT, encoding="latin-1") as archive:
        info = tarfile.TarInfo("Dockerfile.\xe9")
        info.size = len(DOCKERFILE)
        archive.addfile(info, io.BytesIO(DOCKERFILE))
    return buffer.getvalue()


@pytest.mark.parametrize(("case", "data", "name", "reason"), HOSTILE, ids=[case for case, *_ in HOSTILE])
def test_a_hostile_archive_is_refused_with_its_reason(client_as, private_project, settings, case, data, name, reason):
    settings.DOCKWRIGHT_ARCHIVE_MAX_MEMBERS = 20
    settings.DOCKWRIGHT_ARCHIVE_MAX_RATIO = 50
    if case == "non-UTF-8 name":
        data = _non_utf8_name_tar()

    response = upload(client_as("maintainer"), data, name)

    assert response.status_code == 400, response.content
    assert reason in response.json()["message"], response.json()
    assert not Scan.objects.exists()


def test_an_archive_over_the_size_limit_is_a_413(client_as, private_project: Project, settings) -> None:
    settings.DOCKWRIGHT_ARCHIVE_MAX_BYTES = 2048
    data = zip_of(("Dockerfile", DOCKERFILE), ("noise.bin", os.urandom(8000)))  # random bytes do not compress

    response = upload(client_as("maintainer"), data, "a.zip")

    assert response.status_code == 413
    assert not Scan.objects.exists()


@pytest.mark.parametrize(("caller", "expected"), [("viewer", 403), ("outsider", 404)])
def test_only_maintainers_upload_archives(client_as, private_project: Project, caller: str, expected: int) -> None:
    assert upload(client_as(caller), tar_gz(*REPOSITORY), "repo.tar.gz").status_code == expected


@pytest.mark.parametrize("mode", PLAIN_MODES)
def test_zips_with_any_plain_file_mode_are_read(client_as, private_project: Project, mode: int | None) -> None:
    response = upload(client_as("maintainer"), zip_of(("Dockerfile", DOCKERFILE), mode=mode), "a.zip")

    assert response.status_code == 202, response.content
