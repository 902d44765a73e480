"""hadolint's environment variables, read as hadolint reads them (src/Hadolint/Config/Environment.hs) into the
shape of a `.hadolint.yaml`, so that a CI job set up for hadolint keeps its settings.

A flag (`HADOLINT_NOFAIL`, `HADOLINT_VERBOSE`, `HADOLINT_STRICT_LABELS`, `HADOLINT_DISABLE_IGNORE_PRAGMA`) is true
for 1, y, on, true or yes (any case) and false for any other value; `NO_COLOR` counts when set at all. Lists are
comma separated: `HADOLINT_IGNORE`, `HADOLINT_OVERRIDE_ERROR` (and `_WARNING`, `_INFO`, `_STYLE`),
`HADOLINT_TRUSTED_REGISTRIES`, `HADOLINT_FORMAT`, and `HADOLINT_REQUIRE_LABELS` of `name:type` pairs. Where
hadolint silently drops a value it cannot read (an unknown threshold or label type), we drop it with a note.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dockwright.labels import LABEL_TYPES
from dockwright.workspace.hadolint_config import HadolintSettings, hadolint_settings

SOURCE = "hadolint's environment variables"
_TRUTHY = ("1", "y", "on", "true", "yes")
_FLAGS = {
    "HADOLINT_NOFAIL": "no-fail",
    "HADOLINT_VERBOSE": "verbose",
    "HADOLINT_STRICT_LABELS": "strict-labels",
    "HADOLINT_DISABLE_IGNORE_PRAGMA": "disable-ignore-pragma",
}
_LISTS = {
    "HADOLINT_IGNORE": "ignored",
    "HADOLINT_TRUSTED_REGISTRIES": "trustedRegistries",
    "HADOLINT_FORMAT": "formats",
}
_OVERRIDES = {f"HADOLINT_OVERRIDE_{level.upper()}": level for level in ("error", "warning", "info", "style")}
_THRESHOLDS = ("error", "warning", "info", "style", "ignore", "none")


def hadolint_environment(environ: Mapping[str, str]) -> HadolintSettings:
    """The settings hadolint's variables in ``environ`` give (empty when none is set)."""
    data: dict[str, Any] = {}
    notes: list[str] = []
    for name, key in _FLAGS.items():
        if name in environ:
            data[key] = environ[name].strip().lower() in _TRUTHY
    if "NO_COLOR" in environ:
        data["no-color"] = True
    for name, key in _LISTS.items():
        if name in environ:
            data[key] = _split(environ[name])
    overrides = {level: _split(environ[name]) for name, level in _OVERRIDES.items() if name in environ}
    if overrides:
        data["override"] = overrides
    if "HADOLINT_REQUIRE_LABELS" in environ:
        data["label-schema"] = _label_schema(environ["HADOLINT_REQUIRE_LABELS"], notes)
    threshold = environ.get("HADOLINT_FAILURE_THRESHOLD")
    if threshold is not None:
        if threshold.strip().lower() in _THRESHOLDS:
            data["failure-threshold"] = threshold.strip().lower()
        else:
            notes.append(f"HADOLINT_FAILURE_THRESHOLD={threshold!r} is not a severity; ignored")
    if not data and not notes:
        return HadolintSettings()
    settings = hadolint_settings(data, SOURCE)
    return HadolintSettings(
        settings.config, settings.no_fail, settings.verbose, settings.output_format, (*notes, *settings.notes)
    )


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _label_schema(value: str, notes: list[str]) -> dict[str, str]:
    schema = {}
    for pair in _split(value):
        name, _, label_type = pair.partition(":")
        if label_type.strip().lower() in LABEL_TYPES and name.strip():
            schema[name.strip()] = label_type.strip().lower()
        else:
            notes.append(f"HADOLINT_REQUIRE_LABELS: {pair!r} is not name:type with a known type; ignored")
    return schema
