"""Fingerprints survive line moves and whitespace changes, and tell identical lines apart by occurrence."""

from __future__ import annotations

from scans.bundle import BundleFiles
from scans.fingerprints import fingerprints


def _finding(rule: str, line: int) -> dict[str, object]:
    return {"rule": rule, "line": line, "column": 1, "end_line": line}


def test_a_finding_keeps_its_fingerprint_when_its_line_moves() -> None:
    before = "FROM python:latest\nRUN pip install flask\n"
    after = "# a comment\n\nFROM   python:latest\nRUN pip install flask\n"

    first = fingerprints(path="Dockerfile", content=before, findings=[_finding("DF007", 1)])
    moved = fingerprints(path="Dockerfile", content=after, findings=[_finding("DF007", 3)])

    assert first == moved


def test_identical_lines_get_one_fingerprint_each_by_occurrence() -> None:
    content = "FROM a\nRUN apt-get update\nRUN apt-get update\n"

    prints = fingerprints(path="Dockerfile", content=content, findings=[_finding("DF011", 3), _finding("DF011", 2)])
    dropped_first = fingerprints(
        path="Dockerfile", content="FROM a\nRUN apt-get update\n", findings=[_finding("DF011", 2)]
    )

    assert len(set(prints)) == 2
    assert dropped_first == [prints[1]]  # the one left is the first occurrence, whichever line it was on


def test_the_rule_the_file_and_the_text_all_count() -> None:
    content = "FROM python:latest\nFROM node:latest\n"
    base = fingerprints(path="Dockerfile", content=content, findings=[_finding("DF007", 1)])

    assert fingerprints(path="Dockerfile", content=content, findings=[_finding("DF003", 1)]) != base
    assert fingerprints(path="api/Dockerfile", content=content, findings=[_finding("DF007", 1)]) != base
    assert fingerprints(path="Dockerfile", content=content, findings=[_finding("DF007", 2)]) != base


def test_bundle_files_resolve_relative_to_the_linted_file_inside_the_bundle_only() -> None:
    files = BundleFiles(
        {"api/Dockerfile": "FROM a\n", ".env": "X=1\n", "api/.dockerignore": "*.log\n"}, "docker-compose.yml"
    )
    beside_dockerfile = BundleFiles({"api/.dockerignore": "*.log\n", ".env": "X=1\n"}, "api/Dockerfile")

    assert files["api/Dockerfile"] == "FROM a\n"
    assert files["./api/Dockerfile"] == "FROM a\n"
    assert ".env" in files and "/etc/passwd" not in files and "../etc/passwd" not in files
    assert beside_dockerfile[".dockerignore"] == "*.log\n"
    assert beside_dockerfile["../.env"] == "X=1\n"


def test_bundle_files_list_every_file_relative_to_the_linted_file() -> None:
    beside_dockerfile = BundleFiles({"api/.dockerignore": "*.log\n", ".env": "X=1\n"}, "api/Dockerfile")

    assert sorted(beside_dockerfile) == ["../.env", ".dockerignore"]
    assert dict(beside_dockerfile.items()) == {".dockerignore": "*.log\n", "../.env": "X=1\n"}
    assert all(beside_dockerfile[key] == text for key, text in beside_dockerfile.items())
    assert len(beside_dockerfile) == 2
