"""The editor's settings for a project's policy: `server` and `project` stay until changed, and null or an empty
value switches the policy off."""

from __future__ import annotations

from dockwright.lsp.project_policy import PolicySource
from dockwright.lsp.settings import ServerSettings


def test_a_policy_needs_both_a_server_and_a_project() -> None:
    assert ServerSettings.from_editor({"server": "https://dw.example"}).policy_source is None
    both = ServerSettings.from_editor({"dockwright": {"server": " https://dw.example ", "project": "payments"}})
    assert both.policy_source == PolicySource("https://dw.example", "payments")


def test_the_settings_stay_until_changed_and_null_or_empty_clears_them() -> None:
    settings = ServerSettings.from_editor({"server": "https://dw.example", "project": "payments"})

    assert ServerSettings.from_editor({"debounceMs": 100}, settings).policy_source == settings.policy_source
    assert ServerSettings.from_editor({"server": 42}, settings).server == "https://dw.example"  # malformed: kept
    assert ServerSettings.from_editor({"project": None}, settings).policy_source is None
    assert ServerSettings.from_editor({"server": "  "}, settings).policy_source is None
