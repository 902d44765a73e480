"""docker/backup.sh and docker/restore.sh against real Postgres databases, with Debian's pg_dump/pg_restore."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import psycopg2
import pytest

from tests.stack.stack_support import ADMIN_URL, REPO, tool

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
        # What the check of every backup looks for in the restored copy.
        "CREATE TABLE django_migrations (id serial PRIMARY KEY, app varchar(255) NOT NULL,"
        " name varchar(255) NOT NULL, applied timestamptz NOT NULL)",
        "INSERT INTO django_migrations (app, name, applied) VALUES ('analyses', '0001_initial', now())",
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


def scratch_databases() -> list[str]:
    """Databases the backup check creates; it must drop each, whatever happened."""
    with psycopg2.connect(ADMIN_URL) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE 'dockwright\\_check\\_%'")
        names = [row[0] for row in cursor.fetchall()]
    connection.close()
    return names


def backup(source_database: str, backups: Path) -> Path:
    made = run(BACKUP_SH, env={"DATABASE_URL": source_database, "BACKUP_DIR": str(backups)})
    assert made.returncode == 0, made.stderr
    assert "checked: restored into a scratch database, 1 migrations recorded" in made.stderr
    return next(backups.glob("dockwright-*.dump"))


def test_dumps_are_readable_by_their_owner_only(source_database: str, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    dump = backup(source_database, backups)
    assert stat.S_IMODE(dump.stat().st_mode) == 0o600
    assert stat.S_IMODE(backups.stat().st_mode) == 0o700


def test_older_world_readable_dumps_are_closed_too(source_database: str, tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    older = backups / "dockwright-20200101T000000Z.dump"
    older.write_bytes(b"a dump from before")
    older.chmod(0o644)
    backup(source_database, backups)
    assert stat.S_IMODE(older.stat().st_mode) == 0o600


def test_a_truncated_dump_fails_the_check_which_pg_restore_list_would_pass(
    source_database: str, tmp_path: Path
) -> None:
    dump = backup(source_database, tmp_path / "backups")
    assert run(BACKUP_SH, "--check", str(dump), env={"DATABASE_URL": source_database}).returncode == 0

    truncated = tmp_path / "truncated.dump"
    truncated.write_bytes(dump.read_bytes()[: dump.stat().st_size * 2 // 3])
    listed = subprocess.run([tool("pg_restore"), "--list", str(truncated)], capture_output=True, timeout=60)
    assert listed.returncode == 0  # what the old check ran: it accepts the cut-off file

    checked = run(BACKUP_SH, "--check", str(truncated), env={"DATABASE_URL": source_database})
    assert checked.returncode == 1
    assert "the dump does not restore (truncated or damaged)" in checked.stderr
    assert scratch_databases() == []


def test_a_backup_whose_dump_is_cut_short_is_reported_failed_and_not_kept(source_database: str, tmp_path: Path) -> None:
    # pg_dump that stops writing two thirds of the way through and still says it succeeded, as a full disk
    # on a filesystem that lies, or a killed network mount, can leave it.
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    short_pg_dump = fake_bin / "pg_dump"
    short_pg_dump.write_text(
        "#!/bin/sh\n"
        f'"{tool("pg_dump")}" "$@" || exit\n'
        "for arg; do case $arg in --file=*) file=${arg#--file=} ;; esac; done\n"
        'truncate --size=$(( $(stat -c %s "$file") * 2 / 3 )) "$file"\n'
    )
    short_pg_dump.chmod(0o755)
    backups = tmp_path / "backups"
    made = run(
        BACKUP_SH,
        env={"DATABASE_URL": source_database, "BACKUP_DIR": str(backups), "PATH": f"{fake_bin}:{os.environ['PATH']}"},
    )
    assert made.returncode == 1
    assert "the dump does not restore" in made.stderr
    assert list(backups.iterdir()) == []
    assert scratch_databases() == []


def test_a_dump_without_djangos_tables_fails_the_check(make_database: Callable[[], str], tmp_path: Path) -> None:
    tool("pg_dump")
    empty = make_database()
    backups = tmp_path / "backups"
    made = run(BACKUP_SH, env={"DATABASE_URL": empty, "BACKUP_DIR": str(backups)})
    assert made.returncode == 1
    assert "no Django migration history" in made.stderr
    assert list(backups.iterdir()) == []
    assert scratch_databases() == []


def test_restoring_a_truncated_dump_fails_and_changes_nothing(
    source_database: str, make_database: Callable[[], str], tmp_path: Path
) -> None:
    dump = backup(source_database, tmp_path / "backups")
    target = make_database()
    assert run(RESTORE_SH, "--yes", str(dump), env={"DATABASE_URL": target}).returncode == 0
    execute(target, "DELETE FROM findings_demo WHERE id > 10")

    truncated = tmp_path / "truncated.dump"
    truncated.write_bytes(dump.read_bytes()[: dump.stat().st_size * 2 // 3])
    restored = run(RESTORE_SH, "--yes", str(truncated), env={"DATABASE_URL": target})
    assert restored.returncode != 0
    assert row_counts(target) == {"analyses_demo": 250, "findings_demo": 10}
