from django.urls import path

from catalog.apis import RuleDetailApi, RuleListApi

urlpatterns = [
    path("rules", RuleListApi.as_view(), name="rules"),
    path("rules/<str:rule_id>", RuleDetailApi.as_view(), name="rule-detail"),
]
