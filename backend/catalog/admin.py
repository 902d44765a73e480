"""The rule policy in the admin: every rule with its defaults and what the site changes, filterable by target,
severity (as the site runs it), on/off and whether the site changed it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from catalog.models import RulePolicy
from catalog.selectors import RULE_SEVERITIES, rule_effective
from catalog.services import rule_policies_reset, rule_policy_rows_ensure, rule_policy_save
from core.inline_code import inline_code_html
from core.language import current_language
from dockwright.i18n import translate
from dockwright.rules import Rule, load_all, registry
from dockwright.rules.base import TARGETS


def _rule(policy: RulePolicy) -> type[Rule] | None:
    load_all()
    return registry.get(policy.rule_id)


def _rule_ids(matches: Any) -> list[str]:
    load_all()
    return [rule.id for rule in registry if matches(rule)]


def _on_off(enabled: bool) -> str:
    return _("on") if enabled else _("off")


def policy_change_text(rule: type[Rule], policy: RulePolicy) -> str:
    """What the policy changes, as "default → site" ("warning → error", "on → off"); empty when nothing."""
    changes = []
    if policy.enabled is not None and policy.enabled != rule.enabled_by_default:
        changes.append(f"{_on_off(rule.enabled_by_default)} → {_on_off(policy.enabled)}")
    elif policy.enabled is False:
        changes.append(_("stays off: analyses may not switch it on"))
    if policy.severity and policy.severity != rule.severity.value:
        changes.append(f"{rule.severity.value} → {policy.severity}")
    return "; ".join(changes)


class OnOffOrDefaultSelect(forms.NullBooleanSelect):
    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [("unknown", _("The rule's default")), ("true", _("On")), ("false", _("Off"))]


class RulePolicyForm(forms.ModelForm):
    enabled = forms.NullBooleanField(required=False, label=_("On or off"), widget=OnOffOrDefaultSelect)
    severity = forms.ChoiceField(
        required=False,
        choices=[("", _("The rule's own severity")), *[(s, s) for s in RULE_SEVERITIES]],
    )

    class Meta:
        model = RulePolicy
        fields = ("enabled", "severity", "note")


class TargetFilter(admin.SimpleListFilter):
    title = _("target")
    parameter_name = "target"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(target, target) for target in TARGETS]

    def queryset(self, request: HttpRequest, queryset: QuerySet[RulePolicy]) -> QuerySet[RulePolicy]:
        target = self.value()
        if not target:
            return queryset
        return queryset.filter(rule_id__in=_rule_ids(lambda rule: rule.target == target))


class SeverityFilter(admin.SimpleListFilter):
    title = _("severity on this site")
    parameter_name = "severity"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [(severity, severity) for severity in RULE_SEVERITIES]

    def queryset(self, request: HttpRequest, queryset: QuerySet[RulePolicy]) -> QuerySet[RulePolicy]:
        severity = self.value()
        if not severity:
            return queryset
        by_default = _rule_ids(lambda rule: rule.severity.value == severity)
        return queryset.filter(Q(severity=severity) | Q(severity="", rule_id__in=by_default))


class EnabledFilter(admin.SimpleListFilter):
    title = _("on this site")
    parameter_name = "on"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", _("on")), ("no", _("off"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[RulePolicy]) -> QuerySet[RulePolicy]:
        if self.value() not in ("yes", "no"):
            return queryset
        on_by_default = _rule_ids(lambda rule: rule.enabled_by_default)
        running = Q(enabled=True) | Q(enabled__isnull=True, rule_id__in=on_by_default)
        return queryset.filter(running) if self.value() == "yes" else queryset.exclude(running)


class OverriddenFilter(admin.SimpleListFilter):
    title = _("changed by the site")
    parameter_name = "overridden"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", _("changed")), ("no", _("the rule's defaults"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[RulePolicy]) -> QuerySet[RulePolicy]:
        changed = Q(enabled__isnull=False) | ~Q(severity="")
        if self.value() == "yes":
            return queryset.filter(changed)
        if self.value() == "no":
            return queryset.exclude(changed)
        return queryset


@admin.register(RulePolicy)
class RulePolicyAdmin(admin.ModelAdmin):
    """Every rule has a row (added when the list is opened), so there is nothing to add or delete: a rule goes
    back to its defaults with the "reset" action or by choosing the defaults in its form."""

    form = RulePolicyForm
    list_display = (
        "rule_id", "rule_title", "target", "default", "on_this_site", "severity_on_this_site", "site_change", "note",
        "updated",
    )  # fmt: skip
    list_filter = (TargetFilter, SeverityFilter, EnabledFilter, OverriddenFilter)
    search_fields = ("rule_id", "note")
    list_per_page = 200
    fields = ("rule", "default", "enabled", "severity", "site_change", "note")
    readonly_fields = ("rule", "default", "site_change")
    actions = ["reset_to_defaults"]

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
        rule_policy_rows_ensure()
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("title"))
    def rule_title(self, policy: RulePolicy) -> SafeString | str:
        rule = _rule(policy)
        if rule is None:
            return _("(not a rule of this version)")
        return inline_code_html(translate(rule.title, current_language()))

    @admin.display(description=_("rule"))
    def rule(self, policy: RulePolicy) -> SafeString | str:
        rule = _rule(policy)
        if rule is None:
            return policy.rule_id
        return inline_code_html(f"{rule.id} ({rule.slug}): {translate(rule.title, current_language())}")

    @admin.display(description=_("target"))
    def target(self, policy: RulePolicy) -> str:
        rule = _rule(policy)
        return rule.target if rule is not None else ""

    @admin.display(description=_("default"))
    def default(self, policy: RulePolicy) -> str:
        rule = _rule(policy)
        return f"{rule.severity.value}, {_on_off(rule.enabled_by_default)}" if rule is not None else ""

    @admin.display(description=_("on"), boolean=True)
    def on_this_site(self, policy: RulePolicy) -> bool | None:
        rule = _rule(policy)
        return rule_effective(rule=rule, policy=policy)["enabled"] if rule is not None else None

    @admin.display(description=_("severity"))
    def severity_on_this_site(self, policy: RulePolicy) -> str:
        rule = _rule(policy)
        return rule_effective(rule=rule, policy=policy)["severity"] if rule is not None else ""

    @admin.display(description=_("site change"))
    def site_change(self, policy: RulePolicy) -> str:
        rule = _rule(policy)
        return policy_change_text(rule, policy) if rule is not None else ""

    @admin.action(description=_("Reset the selected rules to their defaults"))
    def reset_to_defaults(self, request: HttpRequest, queryset: QuerySet[RulePolicy]) -> None:
        changed = rule_policies_reset(policies=queryset)
        self.message_user(
            request, _("%(count)d rule(s) back to their defaults.") % {"count": changed}, messages.SUCCESS
        )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        rule_policy_save(policy=obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
