"""Analysing a bundle of a project's files with the project's policy, storing nothing: what `dockwright lint --server`
asks for, so that a run on a developer's machine or in CI reports what the project decided.

Each file is analysed by the engine's one entry point (dockwright.lint.lint) within its own budget, reading the
bundle's other files as a local run reads its disk (scans.bundle.FolderFiles): relative to the file's folder, inside
that folder's tree, so the findings are those of a local run that has the same files. What a file looked for and
the bundle lacks is answered as ``missing``, for the client to send if it has it. Findings keep the engine's form
(dockwright.findings.Finding.to_dict) and their message templates, so the client renders them with its own
reporters, in its own language.

The cost is bounded: the bundle as a scan's (DOCKWRIGHT_SCAN_MAX_FILES files, each within
DOCKWRIGHT_MAX_CONTENT_BYTES, the body within DATA_UPLOAD_MAX_MEMORY_SIZE), at most as many analyses as a bundle has
files, the texts analysed together within the body's limit, and a wall-clock limit on the whole request
(DOCKWRIGHT_PROJECT_LINT_SECONDS) checked between files: past it the request is refused with 413, and a scan
(analysed on a worker) is the way for that much.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from analyses.bundles import bundle_path_problem
from core.errors import PayloadTooLarge
from dockwright.dockerfile.build import BuildOptions
from dockwright.errors import InputError
from dockwright.i18n import with_templates
from dockwright.lint import check_content, lint
from projects.models import Project
from projects.policy import project_lint_config
from scans.bundle import FolderFiles
from scans.services import bundle_checked, file_kind


def project_lint(
    *,
    project: Project,
    files: Sequence[Mapping[str, str]],
    lint_files: Sequence[Mapping[str, Any]] | None = None,
    config: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Analyse ``lint_files`` (``path`` in the bundle, ``folder`` its other files are read from, ``filename`` it is
    analysed as, ``kind``, ``build``; every Dockerfile and compose file of the bundle when None) with the project's
    policy and ``config`` over it. The effective config and, in order, each file's kind, findings, error (a file
    the engine refuses) and missing files.

    Raises ValidationError for a bundle or a file list the limits refuse, ConfigError for a config the engine
    refuses, PayloadTooLarge when the analyses pass the size or time limit."""
    bundle = bundle_checked(files=files)
    targets = _targets(bundle, lint_files)
    effective = project_lint_config(project=project, config=config)
    started = time.monotonic()
    results = []
    for index, target in enumerate(targets):
        if index and time.monotonic() - started > settings.DOCKWRIGHT_PROJECT_LINT_SECONDS:
            raise PayloadTooLarge(
                f"analysing these files took over {settings.DOCKWRIGHT_PROJECT_LINT_SECONDS} s; analyse fewer at "
                "once, or upload them as a scan (--upload), which a worker analyses"
            )
        results.append(_analysed(bundle, target, effective))
    return {"config": effective.to_dict(), "results": results}


def _targets(bundle: Mapping[str, str], lint_files: Sequence[Mapping[str, Any]] | None) -> list[dict[str, Any]]:
    if lint_files is None:
        return [{"path": path} for path in bundle if file_kind(path)]
    if len(lint_files) > settings.DOCKWRIGHT_SCAN_MAX_FILES:
        raise ValidationError({"lint": [f"at most {settings.DOCKWRIGHT_SCAN_MAX_FILES} files may be analysed at once"]})
    size = 0
    for index, target in enumerate(lint_files):
        if target["path"] not in bundle:
            raise ValidationError({f"lint[{index}].path": [f"{target['path'][:80]!r} is not among the files"]})
        folder = target.get("folder") or "."
        problem = bundle_path_problem(folder) if folder != "." else None
        if problem is not None:
            raise ValidationError({f"lint[{index}].folder": [f"{folder[:80]!r} {problem}"]})
        size += len(bundle[target["path"]].encode("utf-8"))
    if size > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
        raise PayloadTooLarge(
            f"the files to analyse are {size} bytes together; the limit is {settings.DATA_UPLOAD_MAX_MEMORY_SIZE}"
        )
    return list(lint_files)


def _analysed(bundle: Mapping[str, str], target: Mapping[str, Any], config: Any) -> dict[str, Any]:
    path = target["path"]
    content = bundle[path]
    folder = FolderFiles(bundle, target.get("folder") or _folder_of(path))
    build = target.get("build")
    result: dict[str, Any] = {"path": path, "kind": target.get("kind") or "", "error": "", "findings": []}
    try:
        check_content(content)
        options = None if build is None else BuildOptions(build.get("args") or {}, build.get("target"))
        linted = lint(
            content,
            kind=target.get("kind"),
            filename=target.get("filename") or path,
            config=config,
            files=folder,
            build=options,
        )
    except InputError as exc:
        result["error"] = str(exc)
    else:
        result["kind"] = linted.kind
        result["foreign"] = getattr(linted.document, "foreign", None)
        result["findings"] = [with_templates(finding, finding.to_dict()) for finding in linted.findings]
    result["missing"] = folder.missing
    return result


def _folder_of(path: str) -> str:
    head, _, _ = path.rpartition("/")
    return head or "."
