"""docker/backup.sh and docker/restore.sh against real Postgres databases, with Debian's pg_dump/pg_restore."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import psycopg2
import pytest

from tests.stack.stack_support import REPO, tool

pytestmark = pytest.mark.stack

BACKUP_SH = REPO / "docker" / "backup.sh"
RESTORE_SH = REPO / "docker" / "restore.sh"


def execute(url: str, *statements: str) -> None:
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    connection.close()


def row_counts(url: str) -> dict[str, int]:
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM analyses_demo")
        analyses = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM findings_demo")
        findings = cursor.fetchone()[0]
    connection.close()
    return {"analyses_demo": analyses, "findings_demo": findings}


def run(script: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(script), *args], env={**os.environ, **env}, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def source_database(make_database: Callable[[], str]) -> str:
    tool("pg_dump")
    tool("pg_restore")
    url = make_database()
    execute(
        url,
        "CREATE TABLE analyses_demo (id serial PRIMARY KEY, content text NOT NULL)",
        "CREATE TABLE findings_demo (id serial PRIMARY KEY,"
        " analysis_id integer NOT NULL REFERENCES analyses_demo (id), rule text NOT NULL)",
        "INSERT INTO analyses_demo (content) SELECT 'FROM python:3.' || n FROM generate_series(1, 250) AS n",
        "INSERT INTO findings_demo (analysis_id, rule) SELECT 1 + n % 250, 'DF00' || n % 9"
        " FROM generate_series(1, 1000) AS n",
    )
    return url


def test_a_backup_restored_into_a_fresh_database_has_the_same_rows(
    source_database: str, make_database: Callable[[], str], tmp_path: Path
) -> None:
    backups = tmp_path / "backups"
    made = run(BACKUP_SH, env={"DATABASE_URL": source_database, "BACKUP_DIR": str(backups)})
    assert made.returncode == 0, made.stderr
    dumps = sorted(backups.glob("dockwright-*.dump"))
    assert len(dumps) == 1 and not list(backups.glob("*.partial"))

    target = make_database()
    restored = run(RESTORE_SH, "--yes", str(dumps[0]), env={"DATABASE_URL": target})
    assert restored.returncode == 0, restored.stderr
    assert row_counts(target) == row_counts(source_database) == {"analyses_demo": 250, "findings_demo": 1000}

    # Restoring again over the restored data replaces it rather than duplicating it.
    execute(target, "INSERT INTO analyses_demo (content) VALUES ('written after the backup')")
    again = run(RESTORE_SH, "--yes", str(dumps[0]), env={"DATABASE_URL": target})
    assert again.returncode == 0, again.stderr
    assert row_counts(target)["analyses_demo"] == 250


def test_retention_keeps_the_newest_dumps_only(source_database: str, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    for stamp in ("20200101T000000Z", "20200102T000000Z", "20200103T000000Z"):
        (backups / f"dockwright-{stamp}.dump").write_bytes(b"an old dump")
    (backups / "unrelated.txt").write_text("not a dump")
    made = run(BACKUP_SH, env={"DATABASE_URL": source_database, "BACKUP_DIR": str(backups), "BACKUP_KEEP": "2"})
    assert made.returncode == 0, made.stderr
    remaining = sorted(path.name for path in backups.iterdir())
    assert len(remaining) == 3
    assert "dockwright-20200103T000000Z.dump" in remaining and "unrelated.txt" in remaining
    assert "dockwright-20200101T000000Z.dump" not in remaining


def test_a_failed_dump_leaves_no_file_and_fails(tmp_path: Path) -> None:
    tool("pg_dump")
    backups = tmp_path / "backups"
    made = run(BACKUP_SH, env={"DATABASE_URL": "postgres://postgres@127.0.0.1:9/none", "BACKUP_DIR": str(backups)})
    assert made.returncode == 1
    assert "pg_dump failed" in made.stderr
    assert list(backups.iterdir()) == []


def test_restore_refuses_without_confirmation_or_with_a_bad_file(source_database: str, tmp_path: Path) -> None:
    not_a_dump = tmp_path / "notes.dump"
    not_a_dump.write_text("hello")
    bad = run(RESTORE_SH, "--yes", str(not_a_dump), env={"DATABASE_URL": source_database})
    assert bad.returncode == 2
    assert "not a pg_dump custom-format archive" in bad.stderr

    backups = tmp_path / "backups"
    run(BACKUP_SH, env={"DATABASE_URL": source_database, "BACKUP_DIR": str(backups)})
    dump = next(backups.glob("*.dump"))
    unconfirmed = subprocess.run(
        ["bash", str(RESTORE_SH), str(dump)],
        env={**os.environ, "DATABASE_URL": source_database},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert unconfirmed.returncode == 2
    assert "without --yes" in unconfirmed.stderr
