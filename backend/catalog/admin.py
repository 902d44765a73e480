from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from catalog.models import RulePolicy
from catalog.selectors import rule_choices
from catalog.services import rule_policy_save
from dockwright.rules import load_all, registry


class RulePolicyForm(forms.ModelForm):
    # Chosen from the engine's registry, so a policy can only name a rule that exists.
    rule_id = forms.ChoiceField(choices=rule_choices, label="Rule")

    class Meta:
        model = RulePolicy
        fields = ("rule_id", "enabled", "severity", "note")


@admin.register(RulePolicy)
class RulePolicyAdmin(admin.ModelAdmin):
    form = RulePolicyForm
    list_display = ("rule_id", "rule_title", "enabled", "severity", "note", "updated")
    list_filter = ("enabled", "severity")
    search_fields = ("rule_id", "note")

    @admin.display(description="title")
    def rule_title(self, policy: RulePolicy) -> str:
        load_all()
        rule = registry.get(policy.rule_id)
        return rule.title if rule is not None else "(unknown rule)"

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        rule_policy_save(policy=obj)
