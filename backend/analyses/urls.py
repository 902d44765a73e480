from django.urls import path

from analyses.apis import AnalysisCollectionApi, AnalysisDetailApi, AnalysisFixedContentApi, LintApi

urlpatterns = [
    path("lint", LintApi.as_view(), name="lint"),
    path("analyses", AnalysisCollectionApi.as_view(), name="analyses"),
    path("analyses/<str:analysis_id>", AnalysisDetailApi.as_view(), name="analysis-detail"),
    path("analyses/<str:analysis_id>/fixed", AnalysisFixedContentApi.as_view(), name="analysis-fixed"),
]
