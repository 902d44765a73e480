from django.urls import path

from analyses.apis import AnalysisCollectionApi, AnalysisDetailApi, AnalysisFixedContentApi

urlpatterns = [
    path("analyses", AnalysisCollectionApi.as_view(), name="analyses"),
    path("analyses/<str:analysis_id>", AnalysisDetailApi.as_view(), name="analysis-detail"),
    path("analyses/<str:analysis_id>/fixed", AnalysisFixedContentApi.as_view(), name="analysis-fixed"),
]
