"""A project's policy: validated by the engine, and layered between the site policy and a file's own config."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError

from catalog.services import lint_config_with_policy
from dockwright.config import LintConfig
from dockwright.errors import ConfigError
from dockwright.workspace.config_file import combined_configs, expand_rule_names
from projects.models import Project, ProjectPolicy

# What a project decides; the rest of a config (today, shellcheck, ignore pragmas) stays with each analysis.
POLICY_KEYS = {
    "ignore": "rules never reported in this project (ids, a peer's ids, slugs)",
    "severity": "rule → severity (or none) in this project",
    "enable": "rules or profiles (`style`) that are off by default, switched on",
    "trusted_registries": "registries base images may come from",
    "label_schema": "label → value type, each required in the final stage",
    "strict_labels": "report labels not in label_schema",
    "rule_options": "rule → options",
    "failure_threshold": "lowest severity that fails a run",
}


def policy_config_validated(config: Mapping[str, Any]) -> dict[str, Any]:
    """``config`` as stored: only POLICY_KEYS, and accepted by the engine (ValidationError names the problem)."""
    if not isinstance(config, Mapping):
        raise ValidationError({"config": ["the policy must be an object"]})
    unknown = sorted(set(config) - set(POLICY_KEYS))
    if unknown:
        raise ValidationError({"config": [f"not a project policy setting: {', '.join(map(str, unknown))}"]})
    for key in ("ignore", "enable", "trusted_registries"):
        # The engine takes one name as a list of one; a policy is joined with files' lists, so it must be a list.
        if key in config and not isinstance(config[key], list):
            raise ValidationError({"config": [f"{key} must be a list"]})
    try:
        LintConfig.from_dict(expand_rule_names(config))
    except ConfigError as error:
        raise ValidationError({"config": [str(error)]}) from error
    return dict(config)


def project_policy_config(*, project: Project) -> dict[str, Any]:
    config = ProjectPolicy.objects.filter(project=project).values_list("config", flat=True).first()
    return dict(config or {})


def project_lint_config(*, project: Project, config: Mapping[str, Any] | None = None) -> LintConfig:
    """The LintConfig a file of ``project`` is analysed with: the project's policy, the file's own ``config`` over
    it (rule lists joined, severities and other settings from the file), then the site policy."""
    layered = combined_configs(
        expand_rule_names(project_policy_config(project=project)), expand_rule_names(config or {})
    )
    return lint_config_with_policy(LintConfig.from_dict(layered))
