from django.urls import path

from catalog.apis import PeerGapListApi, RuleDetailApi, RuleListApi

urlpatterns = [
    path("rules", RuleListApi.as_view(), name="rules"),
    path("rules/<str:rule_id>", RuleDetailApi.as_view(), name="rule-detail"),
    # Not under rules/: "rules/gaps" would read as the rule with id "gaps".
    path("peer-gaps", PeerGapListApi.as_view(), name="peer-gaps"),
]
