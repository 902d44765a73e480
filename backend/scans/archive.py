"""The files of a repository archive (.tar.gz, .tgz, .tar or .zip) that a scan analyses, read in memory within
limits: nothing is extracted to disk, so no name in an archive can write anywhere.

An archive is refused as a whole, with the reason, when it is over a limit (its size, its member count, the total
of its uncompressed sizes, its compression ratio: zip and tar bombs), when a member's name is absolute, climbs out
with `..`, is not UTF-8 or comes twice, when a member is a link or a device, or when it is truncated or corrupt.
Archives inside it are not opened, and files other than Dockerfiles, compose files, .env files and .dockerignore
files are skipped unread.
"""

from __future__ import annotations

import io
import posixpath
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from dockwright.detect import kind_from_filename

NESTED_ARCHIVES = (".zip", ".tar", ".tgz", ".tar.gz", ".gz", ".bz2", ".xz", ".7z", ".rar", ".jar", ".war")
CONTEXT_NAMES = (".dockerignore", ".env")


class ArchiveRefused(Exception):
    """The archive is not analysed; the message says why, for people."""


@dataclass(frozen=True)
class ArchiveLimits:
    max_members: int = 10_000
    max_total_bytes: int = 64 * 1024 * 1024  # uncompressed, all members together
    max_ratio: int = 100  # uncompressed / compressed, for the whole archive and each zip member
    max_file_bytes: int = 256 * 1024  # a file that is analysed


def archive_files(data: bytes, filename: str, limits: ArchiveLimits) -> list[dict[str, str]]:
    """The analysable files of the archive as a scan's bundle: [{path, content}]. ArchiveRefused otherwise."""
    name = filename.lower()
    try:
        if name.endswith(".zip"):
            members = list(_zip_members(data, limits))
        elif name.endswith((".tar.gz", ".tgz", ".tar")):
            members = list(_tar_members(data, limits))
        else:
            raise ArchiveRefused("an archive must be a .tar.gz, .tgz, .tar or .zip file")
    except (tarfile.TarError, zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise ArchiveRefused(f"the archive is truncated or corrupt ({type(error).__name__}: {error})") from None
    seen: set[str] = set()
    files = []
    for path, content in members:
        if path in seen:
            raise ArchiveRefused(f"{path!r} is in the archive twice")
        seen.add(path)
        if content is not None:
            files.append({"path": path, "content": content})
    return files


def wanted(path: str) -> bool:
    """A file the scan analyses or the others read; nested archives are never opened."""
    name = posixpath.basename(path)
    if name.lower().endswith(NESTED_ARCHIVES):
        return False
    return name in CONTEXT_NAMES or name.startswith(".env") or kind_from_filename(name) is not None


def _checked_path(raw: str) -> str:
    if any("\udc80" <= ch <= "\udcff" for ch in raw):  # tarfile's surrogateescape of bytes that are not UTF-8
        raise ArchiveRefused(f"a member's name is not UTF-8: {raw.encode('utf-8', 'surrogateescape')!r}")
    path = raw.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        raise ArchiveRefused(f"{raw!r} is an absolute path")
    if ".." in path.split("/"):
        raise ArchiveRefused(f"{raw!r} climbs out of the archive (..)")
    normal = posixpath.normpath(path)
    if normal in (".", "") or "\x00" in normal:
        raise ArchiveRefused(f"{raw!r} is not a file name")
    return normal


def _text(data: bytes) -> str | None:
    """The file as text, or None (skipped) for one that is not UTF-8: a binary file named like a Dockerfile."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _zip_members(data: bytes, limits: ArchiveLimits) -> Iterator[tuple[str, str | None]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise ArchiveRefused(f"the archive has {len(infos)} members; the limit is {limits.max_members}")
        total = sum(info.file_size for info in infos)
        _check_total(total, len(data), limits)
        for info in infos:
            raw = info.filename
            if not info.flag_bits & 0x800 and not raw.isascii():
                # Without the UTF-8 flag the name is in the legacy code page: refuse to guess.
                raise ArchiveRefused(f"a member's name is not UTF-8: {raw!r}")
            path = _checked_path(raw)
            mode = info.external_attr >> 16
            if info.is_dir():
                continue
            # Zips made on Windows carry no Unix mode, some tools only permission bits: only a type says "special".
            if stat.S_ISLNK(mode):
                raise ArchiveRefused(f"{path!r} is a symbolic link")
            if stat.S_IFMT(mode) in (stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK):
                raise ArchiveRefused(f"{path!r} is a device, a FIFO or another special file")
            if (
                info.compress_size
                and info.file_size / info.compress_size > limits.max_ratio
                and info.file_size > 1024 * 1024
            ):
                raise ArchiveRefused(f"{path!r} expands {info.file_size // info.compress_size}-fold: a zip bomb?")
            if not wanted(path):
                yield path, None
                continue
            if info.file_size > limits.max_file_bytes:
                raise ArchiveRefused(f"{path!r} is {info.file_size} bytes; the limit is {limits.max_file_bytes}")
            with archive.open(info) as member:
                # Read one byte past the limit: the header's size may lie.
                content = member.read(limits.max_file_bytes + 1)
            if len(content) > limits.max_file_bytes:
                raise ArchiveRefused(f"{path!r} is larger than its header says")
            yield path, _text(content)


def _tar_members(data: bytes, limits: ArchiveLimits) -> Iterator[tuple[str, str | None]]:
    tar = _gunzipped(data, limits) if data[:2] == b"\x1f\x8b" else data
    _check_total(len(tar), len(data), limits)
    with tarfile.open(fileobj=io.BytesIO(tar), mode="r:") as archive:
        count = 0
        for info in archive:
            count += 1
            if count > limits.max_members:
                raise ArchiveRefused(f"the archive has more than {limits.max_members} members")
            path = _checked_path(info.name)
            if info.isdir():
                continue
            if info.issym() or info.islnk():
                raise ArchiveRefused(f"{path!r} is a link")
            if not info.isreg():
                raise ArchiveRefused(f"{path!r} is a device, a FIFO or another special file")
            if not wanted(path):
                yield path, None
                continue
            if info.size > limits.max_file_bytes:
                raise ArchiveRefused(f"{path!r} is {info.size} bytes; the limit is {limits.max_file_bytes}")
            member = archive.extractfile(info)
            content = member.read() if member is not None else b""
            if len(content) != info.size:
                raise ArchiveRefused("the archive is truncated or corrupt (a member ends early)")
            yield path, _text(content)


def _gunzipped(data: bytes, limits: ArchiveLimits) -> bytes:
    """The tar inside the gzip stream, decompressed at most to the total limit (a tar bomb stops there)."""
    inflater = zlib.decompressobj(wbits=31)
    tar = inflater.decompress(data, limits.max_total_bytes + 1)
    if len(tar) > limits.max_total_bytes or inflater.unconsumed_tail:
        raise ArchiveRefused(f"the archive expands to more than {limits.max_total_bytes} bytes (the limit)")
    if not inflater.eof:
        raise ArchiveRefused("the archive is truncated or corrupt (the gzip stream ends early)")
    return tar


def _check_total(total: int, compressed: int, limits: ArchiveLimits) -> None:
    if total > limits.max_total_bytes:
        raise ArchiveRefused(f"the archive expands to {total} bytes; the limit is {limits.max_total_bytes}")
    if compressed and total / compressed > limits.max_ratio and total > 1024 * 1024:
        raise ArchiveRefused(f"the archive expands {total // compressed}-fold: a compression bomb?")
