from django.urls import path

from analyses.apis import AnalysisCollectionApi, AnalysisDetailApi

urlpatterns = [
    path("analyses", AnalysisCollectionApi.as_view(), name="analyses"),
    path("analyses/<str:analysis_id>", AnalysisDetailApi.as_view(), name="analysis-detail"),
]
